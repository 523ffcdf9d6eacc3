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
// without a stage: every stage in promotion order, the last records of each
def every = lines.indexOf('[INFO] history of stage dev (apistage/stage/dev) at ' + "git rev-parse --short=7 apistage/stage/dev".execute(null, basedir).text.trim())
assert every >= 0 : "no history of dev"
def all = lines.subList(every, every + 12).collect { it.replaceAll(/ at \d{4}-\d\d-\d\dT[0-9:.]+Z/, " at <when>") }
assert all == [
    "[INFO] history of stage dev (apistage/stage/dev) at " + "git rev-parse --short=7 apistage/stage/dev".execute(null, basedir).text.trim(),
    "[INFO] 000001 promotion track-main  success  by ci-bot at <when>",
    "[INFO]   Success  api/orders@1: created on dev",
    "[INFO]   Success  api/pets@1: created on dev",
    "[INFO] history of stage qa (apistage/stage/qa) at ${commit}".toString(),
    "[INFO] 000001 promotion orders-to-qa  success  by ci-bot at <when>",
    "[INFO]   Success  api/orders@1: created on qa",
    "[INFO] 000002 promotion pets-to-qa  success  by ci-bot at <when>",
    "[INFO]   Success  api/pets@1: created on qa",
    "[INFO] 000003 rollback pets-to-qa  success  by ci-bot at <when>  undoes 000002-promotion-pets-to-qa",
    "[INFO]   Success  api/pets@1: removed: pets-to-qa had created it",
    "[INFO] history of every stage (the last 5 records of each; -Dapistage.stage=<stage> for all of one): dev: 1 promotion, 0 rollbacks; qa: 2 promotions, 1 rollback",
]
def everyReport = new JsonSlurper().parse(new File(basedir, 'target/apistage/history.json'))
assert everyReport.stages.collect { it.stage } == ["dev", "qa"]
assert everyReport.stages[1].records.size() == 3
return true
