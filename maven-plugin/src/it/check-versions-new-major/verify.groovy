def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[INFO] api/orders@2 (apis/orders/v2.yaml): new → 2.0.0, needs none; 0 modified, 1 added, 0 removed: ok'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.apis.size() == 1 && report.apis[0].file == 'apis/orders/v2.yaml'
assert report.apis[0].baseVersion == null && report.apis[0].version == '2.0.0'
assert report.apis[0].changes.added == ['api/orders@2']
return true
