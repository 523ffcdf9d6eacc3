def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[INFO] api/orders@1 (apis/orders/v1.yaml): 1.4.2 → 1.5.0, needs minor; 1 modified, 1 added, 0 removed: ok'''
expect '''[INFO]   apis/orders/v1.yaml:20:5: minor [endpoint-added] endpoint POST /orders/{id}/cancel added'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.apis[0].requiredBump == 'minor'
assert report.apis[0].changes.added == ['endpoints[POST /orders/{id}/cancel]']
assert report.apis[0].findings.collect { it.rule } == ['endpoint-added']
return true
