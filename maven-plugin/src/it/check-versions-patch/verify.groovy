def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[INFO] api/orders@1 (apis/orders/v1.yaml): 1.4.2 → 1.4.3, needs patch; 2 modified, 0 added, 0 removed: ok'''
expect '''[INFO]   apis/orders/v1.yaml:5:14: patch [description-changed] description changed from Orders of the web shop to The orders of the web shop'''
expect '''[INFO] 1 Api file changed since merge-base(HEAD, main) ('''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.status == 'success'
assert report.apis.size() == 1
assert report.apis[0].api == 'orders' && report.apis[0].baseVersion == '1.4.2' && report.apis[0].version == '1.4.3'
assert report.apis[0].requiredBump == 'patch' && report.apis[0].verdict == 'ok'
assert report.apis[0].changes.modified == ['version', 'description']
assert report.apis[0].findings[0].rule == 'description-changed' && report.apis[0].findings[0].field == '/description'
return true
