def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[INFO] api/orders@1 (apis/orders/v1.yaml): 1.4.2 → deleted, needs none; 0 modified, 0 added, 1 removed: ok'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.apis[0].changes.removed == ['api/orders@1'] && report.apis[0].version == null && report.apis[0].verdict == 'ok'
return true
