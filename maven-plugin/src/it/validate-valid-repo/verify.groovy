def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// no problem of any level is printed for a valid repository
assert !(log =~ /\.ya?ml:\d+:\d+: (error|warning) \[/)
assert log.contains('[INFO] 20 files valid, 19 assets')
def report = new File(basedir, 'target/apistage/validate.json')
assert report.isFile()
def json = new groovy.json.JsonSlurper().parse(report)
assert json.status == 'success'
assert json.code == 'OK'
assert json.details == []
assert json.filesChecked == 20
assert json.assets == 19
return true
