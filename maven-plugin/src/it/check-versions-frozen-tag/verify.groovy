def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[ERROR] apis/orders/v1.yaml:3:10: error [release-frozen] orders 1.0.0 is released (tag orders@1.0.0) and frozen, but this file differs from the release at endpoints[POST /orders/{id}/cancel]: set version to 1.1.0 or higher'''
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.details.collect { it.rule } == ['release-frozen']
return true
