// The lifecycle of payments v2 by the goals alone, then check-versions passes on the result: the
// person reviews the four files and commits them.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
expect '[INFO] new-version wrote apis/payments/v2.yaml; review the change and commit it'
expect '[INFO] set-state: payments@2 (apis/payments/v2.yaml) draft → published, version 2.0.0 (a state change alone needs no version bump under the version rules)'
expect '[INFO] package/partner-commerce (packages/partner-commerce.yaml): payments@1 → payments@2; no breaking change to adapt to'
expect '[INFO]   subscription/mobile-commerce follows package/partner-commerce'
expect '[INFO] upgrade-access wrote applications/web-shop.yaml, packages/partner-commerce.yaml; review the change and commit it'
expect '[INFO] set-state: payments@1 (apis/payments/v1.yaml) published → retired, version 1.0.3 (a state change alone needs no version bump under the version rules)'
expect '[INFO] api/payments@1 (apis/payments/v1.yaml): 1.0.3 → 1.0.3, needs none; 1 modified, 0 added, 0 removed: ok'
expect '[INFO] api/payments@2 (apis/payments/v2.yaml): new → 2.0.0, needs none; 0 modified, 1 added, 0 removed: ok'
assert !log.contains('[ERROR]')
assert !(log =~ /at io\.apistage\./) : 'no stack trace'

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
assert repo.git('status', '--porcelain').readLines()*.trim().sort() == [
    'M apis/payments/v1.yaml', 'M applications/web-shop.yaml', 'M packages/partner-commerce.yaml',
    '?? apis/payments/v2.yaml'].sort()
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/check-versions.json'))
assert report.status == 'success'
assert report.apis*.file.sort() == ['apis/payments/v1.yaml', 'apis/payments/v2.yaml']
return true
