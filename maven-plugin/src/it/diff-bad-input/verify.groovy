def log = new File(basedir, 'build.log').text
// dev is compared; qa's state does not parse; prod has no value for the alias
assert log.contains('[INFO] Plan for dev: 1 to create, 0 to update, 0 to delete, 0 unchanged')
assert log.contains('[INFO] Plan for qa: not computed; 1 problem in 1 file (1 error, 0 warnings) (listed below)')
assert log.contains('[INFO] Plan for prod: not computed; 1 problem in 1 file (1 error, 0 warnings) (listed below)')
assert log =~ /\[ERROR\] apistage\/stage\/qa:apis\/orders\/v1.yaml:4:1: error \[yaml\] .+/
assert log.contains('[ERROR] apis/orders/v1.yaml:5:10: error [alias] ${alias:orders-backend} has no value for stage prod:'
    + ' aliases/orders-backend.yaml sets neither stages.prod nor a default value; add one of them')
assert log.contains('BUILD FAILURE')
assert !(log =~ /at io\.apistage\./) : 'no stack trace'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.status == 'error' && report.code == 'DIFF_FAILED'
assert report.stages*.stage == ['dev']
assert report.details*.rule.sort() == ['alias', 'yaml']
return true
