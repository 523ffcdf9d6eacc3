def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[ERROR] apis/orders/v1.yaml:7:1: error [endpoint-removed] endpoint DELETE /orders/{id} removed in 1.5.0; a breaking change needs a new major line: create apis/orders/v2.yaml starting at 2.0.0 (used by application/mobile-app, package/shop, subscription/mobile-shop)'''
expect '''1 problem in 1 file (1 error, 0 warnings)'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.status == 'error' && report.code == 'VERSION_CHECK_FAILED'
assert report.details[0].rule == 'endpoint-removed' && report.details[0].line == 7 && report.details[0].field == '/endpoints/1'
assert report.apis[0].verdict == 'error' && report.apis[0].requiredBump == 'major'
assert report.apis[0].consumers == ['application/mobile-app', 'package/shop', 'subscription/mobile-shop']
assert report.apis[0].changes.removed == ['endpoints[DELETE /orders/{id}]']
return true
