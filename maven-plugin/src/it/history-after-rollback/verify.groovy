import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').text.readLines()
def commit = "git rev-parse --short=7 apistage/stage/qa".execute(null, basedir).text.trim()
def start = lines.indexOf("[INFO] history of stage qa (apistage/stage/qa) at ${commit}".toString())
assert start >= 0 : "no history header"
def history = lines.subList(start + 1, start + 7).collect { it.replaceAll(/ at \d{4}-\d\d-\d\dT[0-9:.]+Z/, " at <when>") }
assert history == [
    "[INFO] 000001 promotion orders-to-qa  success  by ci-bot at <when>",
    "[INFO]   Success  api/orders@1: created on qa",
    "[INFO] 000002 promotion pets-to-qa  success  by ci-bot at <when>",
    "[INFO]   Success  api/pets@1: created on qa",
    "[INFO] 000003 rollback pets-to-qa  success  by ci-bot at <when>  undoes 000002-promotion-pets-to-qa",
    "[INFO]   Success  api/pets@1: removed: pets-to-qa had created it",
]
assert lines.contains("[INFO] history of qa: 2 promotions, 1 rollback")
def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/history.json'))
assert report.stage == "qa"
assert report.records.collect { it.id } ==
    ["000001-promotion-orders-to-qa", "000002-promotion-pets-to-qa", "000003-rollback-pets-to-qa"]
assert report.records[2].undoes == "000002-promotion-pets-to-qa"
assert report.records[0].assets == [[key: "api/orders@1", status: "Success", explanation: "created on qa"]]
return true
