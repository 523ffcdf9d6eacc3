// upgrade-access: a dry run lists per consumer the breaking changes and the diff, and writes
// nothing; a missing and a retired target are refused; then warehouse-sync alone moves to orders@2.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
def prefix = '[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:upgrade-access (default-cli) on project lifecycle-upgrade-access: '
expect '''[INFO] application/web-shop (applications/web-shop.yaml): orders@1 → orders@2; 9 breaking changes to adapt to:
[INFO]   major [endpoint-path-changed] /endpoints/1/path: path of endpoint getOrder changed from /orders/{orderId} to /orders/{orderNumber}
'''
expect '[INFO]   major [endpoint-removed] /endpoints/4: endpoint GET /orders/{orderId}/items removed'
expect '[INFO]   subscription/mobile-commerce follows package/partner-commerce'
expect '''[INFO] --- a/applications/web-shop.yaml
[INFO] +++ b/applications/web-shop.yaml
[INFO] @@ -3,7 +3,7 @@
[INFO]  name: web-shop
[INFO]  team: commerce
[INFO]  description: The storefront at www.brightcart.example (server-side rendering and checkout)
[INFO] -apis: [orders@1, catalog@1, payments@1, customers@1]
[INFO] +apis: [orders@2, catalog@1, payments@1, customers@1]
'''
expect '[WARNING] apis/orders/v2.yaml:9:8: warning [upgrade-to-draft] orders@2 is a draft: it may still change, even in breaking ways, before it is published (mvn apistage:set-state -Dapistage.api=orders@2 -Dapistage.state=published)'
expect '[INFO] upgrade-access dry run: would write applications/mobile-app.yaml, applications/warehouse-sync.yaml, applications/web-shop.yaml, packages/partner-commerce.yaml; nothing written'
expect prefix + 'apis/orders/v3.yaml does not exist (apistage.to); lines of orders: orders@1, orders@2; pass -Dapistage.to=<major>, or start the line with mvn apistage:new-version -> [Help 1]'
expect '[ERROR] apis/customers/v2.yaml:4:8: error [upgrade-to-retired] customers@2 is retired; consumers cannot move to it: pass a published line with -Dapistage.to=<major>'
expect prefix + 'upgrade-access refused, nothing written: customers@2 is retired; consumers cannot move to it: pass a published line with -Dapistage.to=<major> -> [Help 1]'
expect '[INFO] upgrade-access wrote applications/warehouse-sync.yaml; review the change and commit it'
assert !(log =~ /at io\.apistage\./) : 'no stack trace'

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
assert repo.git('status', '--porcelain') == 'M applications/warehouse-sync.yaml' : 'only warehouse-sync changed, nothing committed'
assert repo.git('diff', '--unified=0', '--no-color', 'applications/warehouse-sync.yaml').endsWith('''@@ -6 +6 @@ tags: [batch]
-apis: [orders@1]
+apis: [orders@2]''')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/upgrade-access.json'))
assert report.consumers*.consumer == ['application/warehouse-sync']
assert report.consumers[0].breaking.size() == 9
assert report.written == ['applications/warehouse-sync.yaml']
return true
