def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def dev = lines.findIndexOf { it.startsWith('[INFO] Stage dev (state apistage/stage/dev at ') }
assert dev >= 0 : log
assert lines.subList(dev + 1, dev + 4) == [
    '[INFO]   ~ api/orders@1',
    '[INFO]       ~ /baseUrl: "http://orders.dev.internal:8080" -> "http://orders.dev.internal:9001"',
    '[INFO] Plan for dev: 0 to create, 1 to update, 0 to delete, 0 unchanged',
]
def qa = lines.findIndexOf { it.startsWith('[INFO] Stage qa (state apistage/stage/qa at ') }
assert qa == dev + 4 : 'stages in promotion order'
assert lines[qa + 1] == '[INFO] Plan for qa: 0 to create, 0 to update, 0 to delete, 1 unchanged'
assert !log.contains('stage-hand-change')
assert log.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.stages*.stage == ['dev', 'qa']
assert report.stages[0].update[0].changes == [[field: '/baseUrl', path: 'baseUrl',
    from: 'http://orders.dev.internal:8080', to: 'http://orders.dev.internal:9001']]
assert report.stages[0].gatewayConfig.endpoints*.gatewayUrl == ['https://dev.api.example.com/orders/v1/orders']
assert report.stages[1].gatewayConfig.gatewayUrl == 'https://qa.api.example.com/'
assert report.stages[1].gatewayConfig.endpoints*.gatewayUrl == ['https://qa.api.example.com/orders/v1/orders']
assert report.stages[1].update == [] && report.stages[1].unchanged == 1
return true
