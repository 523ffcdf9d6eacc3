def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def start = lines.findIndexOf { it.startsWith('[INFO] Stage qa (state apistage/stage/qa at ') }
assert start >= 0 : log
assert lines[start + 1] == '[INFO] Plan for qa: 0 to create, 0 to update, 0 to delete, 2 unchanged'
assert !log.contains('[WARNING] apistage/stage/qa')
assert log.contains('[INFO] 1 stage compared (qa: no changes)')
assert log.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.status == 'success' && report.code == 'OK' && report.details == []
assert report.stages[0].create == [] && report.stages[0].update == [] && report.stages[0].delete == []
assert report.stages[0].unchanged == 2
assert new File(basedir, 'target/apistage/diff.md').text.contains('- Stage qa: 0 to create, 0 to update, 0 to delete, 2 unchanged: no changes\n')
return true
