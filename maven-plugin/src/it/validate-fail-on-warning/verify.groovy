// warnings alone fail the build when apistage.failOnWarning is set
def log = new File(basedir, 'build.log').text
def printed = log.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] \S+\.ya?ml:\d+:\d+: / }
assert printed == [
  "[WARNING] apis/orders/openapi.yaml:1:1: warning [layout] ignored: an Api file lives at apis/<api>/v<MAJOR>.yaml",
  "[WARNING] apis/orders/v1.yaml:9:45: warning [path-parameter] path parameter 'id' of GET /orders/{id} is always required; set required: true",
] : printed.join('\n')
assert log.contains('2 problems in 2 files (0 errors, 2 warnings)')
assert log.contains('BUILD FAILURE')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/validate.json'))
assert json.code == 'VALIDATION_FAILED'
assert json.details*.severity == ['warning', 'warning']
return true
