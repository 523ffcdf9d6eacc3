import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').text.readLines()
def head = "git rev-parse --short=7 HEAD".execute(null, basedir).text.trim()
[
    "[INFO] apistage promote: commit ${head}, stages dev -> qa (dry run: nothing is written)".toString(),
    "[INFO] pets-to-dev -> dev: success (dry run, not written)",
    "[INFO]   Success  api/pets@1: created on dev",
    "[INFO] promote (dry run): 1 would be applied, 0 skipped, 0 failed",
].each { assert lines.contains(it) : "missing line: " + it }
assert "git branch --list apistage/*".execute(null, basedir).text.trim().isEmpty()
def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/promote.json'))
assert report.dryRun == true
assert report.promotions.size() == 1
assert report.promotions[0].name == "pets-to-dev"
assert report.promotions[0].status == "success"
assert report.promotions[0].commit == null
assert report.promotions[0].assets == [[key: "api/pets@1", status: "Success", explanation: "created on dev"]]
return true
