def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] apistage: checking release tag orders@1.4.9 (from apistage.tag) at commit ')
assert log.contains('[ERROR] apis/orders/v1.yaml:3:10: error [release-not-newer] orders@1.4.9 is not newer than orders@1.5.0, the latest release of orders v1; a released version is frozen: release a higher version, e.g. 1.5.1')
assert log.contains('release orders@1.4.9 refused: 1 problem in 1 file (1 error, 0 warnings)')
assert !new File(basedir, 'target/apistage/release-orders-1.4.9.md').exists()
return true
