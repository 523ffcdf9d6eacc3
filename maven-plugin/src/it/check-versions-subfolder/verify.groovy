def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[INFO] check-versions: base merge-base(HEAD, trunk) ('''
expect '''[ERROR] apis/orders/v1.yaml:7:1: error [endpoint-removed] endpoint DELETE /orders/{id} removed in 1.4.3; a breaking change needs a new major line: create apis/orders/v2.yaml starting at 2.0.0 (used by application/mobile-app, package/shop, subscription/mobile-shop)'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.apis[0].file == 'apis/orders/v1.yaml'
return true
