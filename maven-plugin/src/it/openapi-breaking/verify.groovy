def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '''[ERROR] openapi/payments-v1.yaml:19:17: error [response-property-made-optional] property status of response 200 of GET /payments/{paymentId} (application/json) made optional in 1.1.0; a breaking change needs a new major line: create apis/payments/v2.yaml starting at 2.0.0 (used by application/web-shop)'''
// the finding names where the element was at the base commit too: console, JSON report, SARIF
def commit = ['git', '-C', basedir.path, 'rev-parse', 'main'].execute().text.trim().take(10)
def base = "base: openapi/payments-v1.yaml:19:17 at ${commit}".toString()
expect '(used by application/web-shop)\n    ' + base + '\n'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.status == 'error' && report.code == 'VERSION_CHECK_FAILED'
assert report.details[0].file == 'openapi/payments-v1.yaml' && report.details[0].line == 19
assert report.apis[0].verdict == 'error' && report.apis[0].requiredBump == 'major'
assert report.apis[0].consumers == ['application/web-shop']
assert report.apis[0].findings[0].base == [file: 'openapi/payments-v1.yaml', line: 19, column: 17, commit: commit]
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.sarif'))
def related = sarif.runs[0].results[0].relatedLocations
assert related.size() == 1 && related[0].message.text == base
assert related[0].physicalLocation.artifactLocation.uri == 'openapi/payments-v1.yaml'
assert related[0].physicalLocation.region == [startLine: 19, startColumn: 17]
return true
