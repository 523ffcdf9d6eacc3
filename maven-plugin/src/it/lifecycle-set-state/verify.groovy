// set-state: retiring a line in use (naming its consumers), a state it has already and an
// unknown state are refused with nothing written; then the draft orders v2 is published.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
def prefix = '[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:set-state (default-cli) on project lifecycle-set-state: '
def inUse = 'orders@1 is still used by application/mobile-app, application/warehouse-sync, application/web-shop, package/partner-commerce, subscription/mobile-commerce; move them first with mvn apistage:upgrade-access -Dapistage.api=orders -Dapistage.from=1 -Dapistage.to=2'
expect '[ERROR] apis/orders/v1.yaml:9:8: error [retired-in-use] ' + inUse
expect prefix + 'set-state refused, nothing written: ' + inUse + ' -> [Help 1]'
expect '[ERROR] apis/catalog/v1.yaml:5:8: error [state-unchanged] state is published already'
expect prefix + "apistage.state='obsolete' is not a state a line can move to; pass -Dapistage.state=<state>, one of: published, deprecated, retired -> [Help 1]"
expect '[INFO] set-state: orders@2 (apis/orders/v2.yaml) draft → published, version 2.0.0 (a state change alone needs no version bump under the version rules)'
expect '[INFO] set-state wrote apis/orders/v2.yaml; review the change and commit it'
assert !(log =~ /at io\.apistage\./) : 'no stack trace'

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
assert repo.git('status', '--porcelain') == 'M apis/orders/v2.yaml' : 'set-state commits nothing'
assert repo.git('diff', '--unified=0', '--no-color', 'apis/orders/v2.yaml').endsWith('''@@ -9 +9 @@ version: 2.0.0
-state: draft
+state: published''')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/set-state.json'))
assert report.status == 'success' && report.from == 'draft' && report.state == 'published'
return true
