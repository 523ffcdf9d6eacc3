def log = new File(basedir, 'build.log').text
assert log.contains('[INFO]       ~ /description: "The iOS app" -> "The iOS and Android app"')
assert log.contains('[ERROR] stages/qa.yaml:1:1: error [drift] stage qa differs from the working copy (0 to create, 1 to update,'
    + ' 0 to delete, 1 unchanged) and apistage.failOnDiff is set; promote the changes or revert them')
assert log.contains('[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:diff (default-cli) on'
    + ' project diff-fail-on-diff: 1 problem in 1 file (1 error, 0 warnings); 1 stage compared (qa: 0 to create,'
    + ' 1 to update, 0 to delete, 1 unchanged)')
assert log.contains('BUILD FAILURE')
assert !(log =~ /at io\.apistage\./) : 'no stack trace'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.status == 'error' && report.code == 'DIFF_FOUND'
assert report.details*.rule == ['drift']
assert report.stages[0].update*.key == ['application/mobile-app']
return true
