import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] apistage: checking release tag orders@1.5.0 (from HEAD) at commit ')
assert log.contains('[INFO] release orders@1.5.0 checked: 1 change since orders@1.4.2 (largest: minor), 1 consumer affected; notes in release-orders-1.5.0.md')
assert log.contains('BUILD SUCCESS')
def reports = new File(basedir, 'target/apistage')
def notes = new File(reports, 'release-orders-1.5.0.md').text
assert notes.startsWith('# orders 1.5.0\n')
assert notes.contains('## Changes since orders@1.4.2\n\nLargest change: **minor**.\n\n### `POST /orders/{id}/cancel`\n\n- **minor** endpoint POST /orders/{id}/cancel added (`endpoint-added`)\n')
assert notes.endsWith('## Consumers affected\n\n- `application/mobile-app`\n')
def json = new JsonSlurper().parse(new File(reports, 'release.json'))
assert json.status == 'success'
assert json.tag == 'orders@1.5.0'
assert json.previousTag == 'orders@1.4.2'
assert json.bump == 'minor'
assert json.changes[0].endpoint == 'POST /orders/{id}/cancel'
assert json.consumers == ['application/mobile-app']
assert json.notes == 'release-orders-1.5.0.md'
return true
