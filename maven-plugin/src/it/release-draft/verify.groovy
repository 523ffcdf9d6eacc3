import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] apis/orders/v1.yaml:4:8: error [release-state] orders 1.5.0 is a draft, which may still change; only a published or deprecated version can be released: set state: published, merge it and tag that commit')
assert log.contains('release-draft: release orders@1.5.0 refused: 1 problem in 1 file (1 error, 0 warnings)')
def reports = new File(basedir, 'target/apistage')
assert !new File(reports, 'release-orders-1.5.0.md').exists()
def json = new JsonSlurper().parse(new File(reports, 'release.json'))
assert json.status == 'error'
assert json.code == 'RELEASE_REFUSED'
assert json.details[0].rule == 'release-state'
assert json.details[0].line == 4
return true
