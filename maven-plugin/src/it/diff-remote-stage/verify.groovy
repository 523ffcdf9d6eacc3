def log = new File(basedir, 'build.log').text
def commit = new File(basedir, 'state-commit.txt').text.trim()
def lines = log.readLines()
def start = lines.indexOf('[INFO] Stage qa (state origin:deploy/qa at ' + commit.substring(0, 12) + ')')
assert start >= 0 : log
assert lines.subList(start + 1, start + 4) == [
    '[INFO]   ~ application/mobile-app',
    '[INFO]       ~ /description: "The iOS app" -> "The iOS and Android app"',
    '[INFO] Plan for qa: 0 to create, 1 to update, 0 to delete, 1 unchanged',
]
assert log.contains('BUILD SUCCESS')
// fetched into a ref of its own, readable with plain git
def p = ['git', 'rev-parse', 'refs/apistage/remotes/qa'].execute(null, basedir)
assert p.text.trim() == commit
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.stages[0].commit == commit
return true
