// new-version: a dry run shows the new file and writes nothing; an unknown API and a taken file
// are refused with nothing written; then payments v2 is written from v1, every other byte kept.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
def prefix = '[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:new-version (default-cli) on project lifecycle-new-version: '
expect '[INFO] new-version: apis/payments/v2.yaml from apis/payments/v1.yaml (published 1.0.3) at 2.0.0, state: draft'
expect '''[INFO] --- /dev/null
[INFO] +++ b/apis/payments/v2.yaml
[INFO] @@ -0,0 +1,59 @@
[INFO] +# yaml-language-server: $schema=../../../schemas/src/main/resources/io/apistage/schemas/api.schema.json
[INFO] +kind: Api
[INFO] +name: payments
[INFO] +version: 2.0.0
[INFO] +state: draft
'''
expect '[INFO] new-version dry run: would write apis/payments/v2.yaml; nothing written'
expect prefix + "unknown API 'order' (apistage.api); APIs: catalog, customers, orders, payments; pass one with -Dapistage.api=<api> -> [Help 1]"
expect '[ERROR] apis/catalog/v2.yaml:1:1: error [new-version-exists] apis/catalog/v2.yaml exists already; edit it, or remove it first to start it anew from apis/catalog/v1.yaml'
expect prefix + 'new-version refused, nothing written: apis/catalog/v2.yaml exists already; edit it, or remove it first to start it anew from apis/catalog/v1.yaml -> [Help 1]'
expect '[INFO] new-version wrote apis/payments/v2.yaml; review the change and commit it'
assert !(log =~ /at io\.apistage\./) : 'no stack trace'

def v1 = new File(basedir, 'apis/payments/v1.yaml').getText('UTF-8')
def v2 = new File(basedir, 'apis/payments/v2.yaml').getText('UTF-8')
assert v2 == v1.replace('version: 1.0.3\nstate: published\n', 'version: 2.0.0\nstate: draft\n')
assert new File(basedir, 'apis/catalog/v2.yaml').isDirectory()
assert new File(basedir, 'apis/catalog/v2.yaml').list().length == 0

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
assert repo.git('status', '--porcelain') == '?? apis/payments/v2.yaml' : 'new-version commits nothing'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/new-version.json'))
assert report.status == 'success' && report.written == ['apis/payments/v2.yaml'] && report.version == '2.0.0'
return true
