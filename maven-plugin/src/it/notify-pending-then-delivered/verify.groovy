// promote delivered mobile-app's notice signed and left web-shop's pending (its receiver was
// down); the dry run listed it and sent nothing; notify delivered it with the same webhook-id;
// history shows both delivered. Every request's signature is checked with an HMAC written from the
// Standard Webhooks specification. The receivers are stopped whatever the outcome.
import groovy.json.JsonSlurper
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

def servers = System.properties.remove('apistage.it.notify.receivers')
try {
  def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
  def git = repo.&git
  def lines = new File(basedir, 'build.log').text.readLines()
  def expect = { String line -> assert lines.contains(line) : "missing line: " + line + "\n" + lines.join("\n") }
  def json = new JsonSlurper()
  def secret = 'whsec_dGhlIG5vdGlmeSBJVCB3ZWJob29rIHNlY3JldCAzMmI='

  // the notices travel in the promotion's record, in the stage commit of the change
  def record = json.parseText(git('show', 'apistage/stage/dev:.apistage/history/000001-promotion-track-main.json'))
  def ids = record.notices.collectEntries { [it.application, it.id] }
  assert ids.keySet() == ['mobile-app', 'web-shop'] as Set
  assert record.notices*.secret == ['${secret:SHOP_HOOKS}', '${secret:SHOP_HOOKS}']
  def promotedCommit = json.parse(new File(basedir, 'target/apistage/promote.json')).promotions[0].commit
  assert git('rev-list', '-n', '1', 'apistage/stage/dev', '--', '.apistage/history/000001-promotion-track-main.json') == promotedCommit

  // 1. promote
  expect("[INFO] dev: notice ${ids['mobile-app']} to mobile-app delivered (204)")
  expect("[WARNING] dev: 1 notice waits: ${ids['web-shop']} to web-shop (ConnectException); mvn apistage:notify -Dapistage.stage=dev sends it again")
  expect("[INFO] promote: 1 applied, 0 skipped, 0 failed")
  // 2. dry run
  expect("[INFO] dev: would send notice ${ids['web-shop']} to web-shop about orders@1; pending (ConnectException, 3 tries)")
  expect("[INFO] notify (dry run): 1 notice would be sent; nothing sent, nothing written")
  // 3. notify
  expect("[INFO] dev: notice ${ids['web-shop']} to web-shop delivered (200)")
  expect("[INFO] notify: 1 delivered, 0 waiting")
  // 4. history
  expect("[INFO]   notice ${ids['mobile-app']} to mobile-app: delivered (204, 1 try)")
  expect("[INFO]   notice ${ids['web-shop']} to web-shop: delivered (200, 4 tries)")
  assert lines.count { it == '[INFO] BUILD SUCCESS' } == 4

  // each receiver got exactly one request: the dry run sent nothing, and a delivered notice is not sent again
  def requests = new File(basedir, 'received').listFiles().findAll { it.name.endsWith('.json') }
  assert requests*.name.sort() == ['mobile-1.json', 'web-1.json']
  def key = Base64.decoder.decode(secret.substring('whsec_'.length()))
  requests.each { file ->
    def got = json.parse(file)
    def id = got.headers['webhook-id']
    def timestamp = got.headers['webhook-timestamp']
    def mac = Mac.getInstance('HmacSHA256')
    mac.init(new SecretKeySpec(key, 'HmacSHA256'))
    def expected = 'v1,' + Base64.encoder.encodeToString(mac.doFinal("${id}.${timestamp}.${got.body}".getBytes('UTF-8')))
    assert got.headers['webhook-signature'] == expected : "${file.name}: the signature does not verify"
    assert got.headers['content-type'] == 'application/json'
    assert Math.abs(System.currentTimeMillis().intdiv(1000) - (timestamp as long)) < 600
    def body = json.parseText(got.body)
    assert body.id == id
    assert body.type == 'apistage.api.changed'
    assert body.stage == 'dev'
    assert body.promotion == 'track-main'
    assert body.commit == promotedCommit
    assert body.changes.size() == 1
    def change = body.changes[0]
    assert [change.api, change.fromVersion, change.toVersion, change.bump] == ['orders@1', '1.4.2', '1.5.0', 'minor']
    assert change.findings.collect { "${it.rule} ${it.bump} ${it.field}".toString() }.contains('endpoint-added minor /endpoints/1')
  }
  def web = json.parse(new File(basedir, 'received/web-1.json'))
  assert web.headers['webhook-id'] == ids['web-shop'] : 'notify sent the pending notice with its id'
  assert web.path == '/hooks/web-shop'
  assert json.parse(new File(basedir, 'received/mobile-1.json')).headers['webhook-id'] == ids['mobile-app']

  // the delivery records: promote's (mobile-app delivered, web-shop not) and notify's (web-shop delivered)
  def history = git('ls-tree', '--name-only', 'apistage/stage/dev', '.apistage/history/').readLines()
  assert history == ['.apistage/history/000001-promotion-track-main.json',
                     '.apistage/history/000002-delivery-notices.json',
                     '.apistage/history/000003-delivery-notices.json']
  def first = json.parseText(git('show', 'apistage/stage/dev:.apistage/history/000002-delivery-notices.json'))
  assert first.deliveries.collect { "${it.application} ${it.delivered} ${it.tries}".toString() } == ['mobile-app true 1', 'web-shop false 3']
  def second = json.parseText(git('show', 'apistage/stage/dev:.apistage/history/000003-delivery-notices.json'))
  assert second.deliveries.collect { "${it.application} ${it.delivered} ${it.status} ${it.tries}".toString() } == ['web-shop true 200 1']

  def report = json.parse(new File(basedir, 'target/apistage/notify.json'))
  assert report.dryRun == false
  assert report.stages.collect { it.stage } == ['dev']
  assert report.stages[0].notices.collect { "${it.id} ${it.delivered} ${it.status}".toString() } == ["${ids['web-shop']} true 200".toString()]

  // the secret's value is nowhere: not in the log, not on the stage branch
  assert !new File(basedir, 'build.log').text.contains(secret.substring(6, 20))
  assert !git('log', '-p', 'apistage/stage/dev').contains(secret.substring(6, 20))
} finally {
  servers?.each { it.stop(0) }
}
return true
