def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def start = lines.findIndexOf { it.startsWith('[INFO] Stage qa (state apistage/stage/qa at ') }
assert start >= 0 : log
assert lines.subList(start + 1, start + 4) == [
    '[INFO]   ~ application/mobile-app',
    '[INFO]       ~ /description: "The iOS app" -> "The iOS and Android app"',
    '[INFO] Plan for qa: 0 to create, 1 to update, 0 to delete, 1 unchanged',
]
assert !log.contains('stage-hand-change')
assert log.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.status == 'success'
def qa = report.stages[0]
assert qa.create == [] && qa.delete == [] && qa.unchanged == 1
assert qa.update.size() == 1
assert qa.update[0].key == 'application/mobile-app'
assert qa.update[0].changes == [[field: '/description', path: 'description', from: 'The iOS app', to: 'The iOS and Android app']]
def md = new File(basedir, 'target/apistage/diff.md').text
assert md.contains('| ~ | `application/mobile-app` | `~ /description: "The iOS app" -> "The iOS and Android app"` |')
return true
