import groovy.json.JsonSlurper

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def lines = new File(basedir, 'build.log').text.readLines()
def commits = git("rev-list", "apistage/stage/qa").readLines()
// promote, then two rollbacks: three commits, each a child of the one before; nothing rewritten
assert commits.size() == 3
assert git("rev-list", "--parents", "-n", "1", commits[0]).split(" ")[1] == commits[1]
[
    "[INFO] rollback pets-to-qa on qa: success, commit ${commits[1].take(7)} (undoes 000002-promotion-pets-to-qa)".toString(),
    "[INFO]   Success  api/pets@1: removed: pets-to-qa had created it",
    "[INFO] rollback: qa restored to its state before pets-to-qa (1 asset)",
    "[INFO] rollback orders-to-qa on qa: success, commit ${commits[0].take(7)} (undoes 000001-promotion-orders-to-qa)".toString(),
    "[INFO] rollback: qa restored to its state before orders-to-qa (1 asset)",
].each { assert lines.contains(it) : "missing line: " + it }
assert git("ls-tree", "-r", "--name-only", "apistage/stage/qa").readLines().findAll { !it.startsWith(".apistage/") }.isEmpty()
def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/rollback.json'))
assert report.status == "success"
assert report.stage == "qa"
assert report.promotion == "orders-to-qa"
assert report.commit == commits[0]
assert report.assets == [[key: "api/orders@1", status: "Success", explanation: "removed: orders-to-qa had created it"]]
return true
