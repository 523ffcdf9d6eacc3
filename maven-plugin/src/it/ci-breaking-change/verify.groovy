import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

// One mvn run of apistage:check runs validate, check-versions and diff and fails once.
def log = new File(basedir, 'build.log').text
def message = 'endpoint DELETE /orders/{id} removed in 1.5.0; a breaking change needs a new major line: create apis/orders/v2.yaml starting at 2.0.0 (used by application/mobile-app)'
def problem = 'apis/orders/v1.yaml:6:1: error [endpoint-removed] ' + message
assert log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains(': error [') } == ['[ERROR] ' + problem]
assert log.contains('on project ci-breaking-change: 1 problem in 1 file (1 error, 0 warnings) (validate, check-versions, diff, promote) -> [Help 1]')

// The config root is config/ inside the work tree: GitHub needs repository paths.
assert log.readLines().contains('::error file=config/apis/orders/v1.yaml,line=6,col=1,title=apistage check [endpoint-removed]::' + message)

def reports = new File(basedir, 'target/apistage')
// exactly the files the README promises for a check, readable by all, and named on the console
def readme = new File(basedir, '../../../../README.md').text
def table = readme.substring(readme.indexOf('| file in `target/apistage/` after `mvn verify` |'))
def promised = table.readLines().drop(2).takeWhile { it.startsWith('|') }.collect { (it =~ /^\| `([^`]+)`/)[0][1] }
def written = reports.listFiles().findAll { it.isFile() && !it.name.startsWith('.') }*.name
assert written.sort() == promised.sort()
written.each {
  assert java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(new File(reports, it).toPath())) == 'rw-r--r--' : it
}
assert log.readLines().contains('[INFO] Reports written to ' + reports.canonicalPath + ': TEST-apistage-check.xml, check-versions.json, check.json, check.md, check.sarif, diff.json, promote.json, validate.json')

// Markdown: the API, its required bump, the consumers, the stages and the promotion path.
def md = new File(reports, 'check.md').text
assert md.startsWith('## ❌ apistage check failed (1 error, 0 warnings)\n\n| Goal | Result | |\n')
assert md.contains('| check-versions | ❌ VERSION_CHECK_FAILED | 1 problem in 1 file (1 error, 0 warnings) |')
assert md.contains('| `orders@1`<br>apis/orders/v1.yaml | 1.4.2 → 1.5.0 | **major** | ❌ error | 1 modified, 1 removed | `application/mobile-app` |')
assert md.contains('| major | `endpoint-removed` | `/endpoints/1` | endpoint DELETE /orders/{id} removed |')
assert md.contains('<details><summary>Stage dev: 2 to create, 0 to update, 0 to delete, 0 unchanged</summary>\n\n| | asset | change |\n|---|---|---|\n| + | `api/orders@1` | create |\n| + | `application/mobile-app` | create |\n\n</details>\n')
assert md.contains('```mermaid\nflowchart LR\n  branch_main[("main")]\n  stage_dev["dev"]\n  stage_qa["qa"]\n  branch_main -->|"2 to create"| stage_dev\n  stage_dev -->|"2 to create"| stage_qa\n```\n')
assert new File(basedir, 'target/step-summary.md').text == md + '\n'

// SARIF: one result, its rule, level, repository path and region.
def sarif = new JsonSlurper().parse(new File(reports, 'check.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'apistage'
assert run.results.size() == 1
def result = run.results[0]
assert result.ruleId == 'endpoint-removed'
assert result.level == 'error'
assert result.message.text == message
def location = result.locations[0].physicalLocation
assert location.artifactLocation.uri == 'config/apis/orders/v1.yaml'
assert location.artifactLocation.uriBaseId == '%SRCROOT%'
assert location.region.startLine == 6
assert location.region.startColumn == 1
assert run.tool.driver.rules[result.ruleIndex].id == 'endpoint-removed'
assert run.tool.driver.rules[result.ruleIndex].shortDescription.text == 'An API change (endpoints) that needs a major version step, e.g. DELETE /orders/{id} removed.'
assert run.originalUriBaseIds['%SRCROOT%'].uri == basedir.toPath().toRealPath().toUri().toString()
// The line it points at is the endpoints list the removed endpoint was in.
assert new File(basedir, 'config/apis/orders/v1.yaml').readLines()[5] == 'endpoints:'

// JUnit XML: parses, one case per file, the Api file fails with the problem line.
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reports, 'TEST-apistage-check.xml'))
def suite = doc.documentElement
assert suite.getAttribute('name') == 'apistage.check'
assert suite.getAttribute('tests') == '4'
assert suite.getAttribute('failures') == '1'
def cases = doc.getElementsByTagName('testcase')
def byName = (0..<cases.length).collectEntries { [cases.item(it).getAttribute('name'), cases.item(it)] }
assert byName.keySet() == ['apis/orders/v1.yaml', 'applications/mobile-app.yaml', 'stages/dev.yaml', 'stages/qa.yaml'] as Set
def failure = byName['apis/orders/v1.yaml'].getElementsByTagName('failure').item(0)
assert failure.getAttribute('type') == 'endpoint-removed'
assert failure.textContent == problem + '\n'
assert byName['stages/dev.yaml'].getElementsByTagName('failure').length == 0

def check = new JsonSlurper().parse(new File(reports, 'check.json'))
assert check.status == 'error'
assert check.code == 'CHECK_FAILED'
assert check.goals*.goal == ['validate', 'check-versions', 'diff', 'promote']
assert check.apis[0].requiredBump == 'major'
assert check.apis[0].consumers == ['application/mobile-app']
assert check.stages*.stage == ['dev', 'qa']
return true
