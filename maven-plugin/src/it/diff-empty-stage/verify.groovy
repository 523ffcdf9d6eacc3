def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def plan = [
    '[INFO] Stage qa (no state yet: apistage/stage/qa does not exist, so everything is to create)',
    '[INFO]   + api/orders@1',
    '[INFO]   + policy/cors',
    '[INFO] Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged',
]
def start = lines.indexOf(plan[0])
assert start >= 0 : log
assert lines.subList(start, start + plan.size()) == plan
assert !log.contains('Plan for dev')
assert log.contains('[INFO] 1 stage compared (qa: 2 to create, 0 to update, 0 to delete, 0 unchanged)')
assert log.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.status == 'success'
assert report.stages.size() == 1
def qa = report.stages[0]
assert qa.stage == 'qa'
assert qa.create == ['api/orders@1', 'policy/cors']
assert qa.update == [] && qa.delete == [] && qa.unchanged == 0
assert qa.gatewayConfig.endpoints == [
    [api: 'orders@1', path: '/orders/{id}', method: 'GET', gatewayUrl: 'https://qa.api.example.com/orders/v1/orders/{id}'],
    [api: 'orders@1', path: '/orders/{id}', method: 'DELETE', gatewayUrl: 'https://qa.api.example.com/orders/v1/orders/{id}'],
]
def md = new File(basedir, 'target/apistage/diff.md').text
assert md.contains('<details><summary>Stage qa: 2 to create, 0 to update, 0 to delete, 0 unchanged</summary>')
assert md.contains('| + | `api/orders@1` | create |')
return true
