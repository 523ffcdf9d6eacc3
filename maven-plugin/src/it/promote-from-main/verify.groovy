import groovy.json.JsonSlurper

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def log = new File(basedir, 'build.log').text.readLines()
def expect = { String line -> assert log.contains(line) : "missing line: " + line }
def devCommit = git("rev-parse", "apistage/stage/dev")
def qaCommit = git("rev-parse", "apistage/stage/qa")
def prodCommit = git("rev-parse", "apistage/stage/prod")

expect("[INFO] apistage promote: commit ${git('rev-parse', '--short=7', 'HEAD')}, stages dev -> qa -> prod")
expect("[INFO] track-main -> dev: success, commit ${devCommit.take(7)}")
expect("[INFO]   Success  api/orders@1: created on dev")
expect("[INFO] orders-to-qa -> qa: success, commit ${qaCommit.take(7)}")
expect("[INFO]   Success  api/orders@1: created on qa")
expect("[INFO]   Success  policy/cors: created on qa (required by api/orders@1)")
expect("[INFO]   Success  alias/orders-backend: created on qa (required by api/orders@1)")
expect("[INFO] orders-to-prod -> prod: success, commit ${prodCommit.take(7)}")
expect("[INFO] promote: 3 applied, 0 skipped, 0 failed")
assert log.contains("[INFO] BUILD SUCCESS")

// the stages run the Api with the alias resolved for each of them
assert git("show", "apistage/stage/qa:apis/orders/v1.yaml").contains("baseUrl: https://orders.qa.internal")
assert git("show", "apistage/stage/prod:apis/orders/v1.yaml").contains("baseUrl: https://orders.internal")
assert git("show", "apistage/stage/prod:.apistage/authored/apis/orders/v1.yaml").contains('baseUrl: ${alias:orders-backend}')
def record = new JsonSlurper().parseText(git("show", "apistage/stage/qa:.apistage/history/000001-promotion-orders-to-qa.json"))
assert record.who.name == "ci-bot"
assert record.status == "success"
assert record.source == "dev"
assert record.base == null

def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/promote.json'))
assert report.status == "success"
assert report.dryRun == false
assert report.promotions.collect { "${it.name}->${it.stage}:${it.status}" } ==
    ["track-main->dev:success", "orders-to-qa->qa:success", "orders-to-prod->prod:success"]
assert report.promotions[1].commit == qaCommit
assert report.promotions[1].assets.collect { "${it.status} ${it.key}: ${it.explanation}" } == [
    "Success api/orders@1: created on qa",
    "Success policy/cors: created on qa (required by api/orders@1)",
    "Success alias/orders-backend: created on qa (required by api/orders@1)"]
return true
