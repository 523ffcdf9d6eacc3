// restore: an existing file and one that never existed are refused; then orders v2, deleted in
// the last commit, comes back with the content of the commit before, uncommitted.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expect = { String line -> assert log.contains(line) : "build.log lacks: ${line}" }
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def head = repo.git('rev-parse', '--short=7', 'HEAD')
def before = repo.git('rev-parse', '--short=7', 'HEAD~1')
def prefix = '[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:restore (default-cli) on project lifecycle-restore: '
expect '[ERROR] apis/orders/v1.yaml:1:1: error [restore-exists] apis/orders/v1.yaml exists; restore brings back a deleted file only (to undo changes to it: git checkout -- apis/orders/v1.yaml)'
expect prefix + 'restore refused, nothing written: apis/orders/v1.yaml exists; restore brings back a deleted file only (to undo changes to it: git checkout -- apis/orders/v1.yaml) -> [Help 1]'
expect "[ERROR] apis/orders/v9.yaml:1:1: error [restore-never-existed] apis/orders/v9.yaml (or .yml) is in no commit of the history of HEAD ${head}: no commit touched it; there is nothing to restore"
expect "[INFO] restore: apis/orders/v2.yaml from commit ${before}, the last that had it (deleted in commit ${head})"
expect '[INFO] restore wrote apis/orders/v2.yaml; review the change and commit it'
assert !(log =~ /at io\.apistage\./) : 'no stack trace'

assert repo.git('status', '--porcelain') == '?? apis/orders/v2.yaml' : 'restore commits nothing'
assert repo.git('show', 'HEAD~1:apis/orders/v2.yaml') + '\n' == new File(basedir, 'apis/orders/v2.yaml').getText('UTF-8')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/restore.json'))
assert report.status == 'success' && report.commit == repo.git('rev-parse', 'HEAD~1')
return true
