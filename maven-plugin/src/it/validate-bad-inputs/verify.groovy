// every class of bad input is one exact line at the file, line and column of the offending value
def log = new File(basedir, 'build.log').text
def expected = [
  "apis/orders/v1.yaml:3:10: error [api-major] version 2.0.0 is in major line 2, but the file is apis/orders/v1.yaml; keep 1.x.y here, or put this version in apis/orders/v2.yaml",
  "apis/orders/v1.yaml:6:37: error [literal-secret] auth.staticToken holds a literal value; secrets never go in Git: write \${secret:NAME} and provide APISTAGE_SECRET_NAME (or a settings.xml server) where the stage's gateway is configured",
  "apis/orders/v1.yaml:7:12: error [unknown-reference] policy 'corz' does not exist; expected policies/corz.yaml; did you mean cors?",
  "apis/orders/v1.yaml:9:13: error [schema] method: FETCH is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
  "apis/orders/v1.yaml:14:5: error [unknown-field] unknown field 'ratelimit' in /endpoints/1; did you mean rateLimit?",
  "apis/orders/v1.yaml:16:11: error [duplicate-endpoint] endpoint GET /orders/{orderId} is already defined at line 11 (as /orders/{id}); method and path are unique within an Api: remove one or change its path",
  "apis/orders/v1.yaml:16:11: error [path-parameter] path parameter 'orderId' of GET /orders/{orderId} is not declared; add { name: orderId, type: string, required: true, location: path } to its parameters",
  "applications/mobile.yaml:3:18: error [one-major] application 'mobile' lists orders@1 and orders@2; an application uses one major of an API: keep one of them",
  "applications/mobile.yaml:3:18: error [unknown-reference] api 'orders@2' does not exist; expected apis/orders/v2.yaml; did you mean orders@1?",
  "policies/binary.yaml:3:1: error [yaml] the file holds a control character that YAML does not allow; is it a binary file?",
  "policies/cors.yaml:1:7: error [kind-folder] kind 'Plan' does not match the folder: policies/ holds kind: Policy (policies/<name>.yaml); move the file to plans/cors.yaml or set kind: Policy",
  "policies/huge.yaml:1:1: error [yaml] the file has 5242880 bytes, more than the limit of 4194304; split it or remove what is not configuration",
  "policies/logging.yaml:4:1: error [yaml] duplicate key 'type'; each key may appear once in a mapping",
  "promotions/to-qa.yaml:3:7: error [promotion-chain] stage 'qa' is the first stage, whose source is the main branch; remove from: dev",
  "promotions/to-qa.yaml:6:13: error [overwrite] application.credentials needs its parent application in overwrite: add application, or remove application.credentials to keep what the target has",
  "stages/qa.yaml:2:7: error [stage-chain] stage 'qa' has no promotesFrom, and neither has 'dev'; a stage chain has one first stage: set promotesFrom on one of them",
]
def printed = log.readLines().findAll { it.startsWith('[ERROR] ') && it =~ /^\[ERROR\] \S+\.ya?ml:\d+:\d+: / }
    .collect { it.substring('[ERROR] '.length()) }
assert printed == expected : "printed problems differ:\n" + printed.join('\n')

// one summary line fails the build, without a stack trace
assert log.contains('16 problems in 8 files (16 errors, 0 warnings)')
assert log.contains('BUILD FAILURE')
assert !log.contains('Caused by')
assert !log.contains('\tat ')

// the report carries the same problems
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/validate.json'))
assert json.status == 'error'
assert json.code == 'VALIDATION_FAILED'
assert json.message == '16 problems in 8 files (16 errors, 0 warnings)'
assert json.details.collect { "${it.file}:${it.line}:${it.column}: ${it.severity} [${it.rule}] ${it.message}".toString() } == expected
assert json.details[3].field == '/endpoints/0/method'
return true
