def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[ERROR] apis/orders/v1.yaml:20:5: error [endpoint-added] endpoint POST /orders/{id}/cancel added; published version 1.4.2 is immutable: a minor change needs version 1.5.0'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.details.size() == 1
assert report.apis[0].requiredBump == 'minor' && report.apis[0].verdict == 'error'
return true
