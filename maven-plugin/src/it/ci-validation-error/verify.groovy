import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def problem = "apis/orders/v1.yaml:5:1: error [unknown-field] unknown field 'descripton'; did you mean description?"
assert log.contains('[ERROR] ' + problem)
assert log.readLines().findAll { it.contains(': error [') && it.startsWith('[ERROR] ') } == ['[ERROR] ' + problem]

// GitHub Actions: one annotation per problem, at the start of a line, and the step summary.
def annotation = "::error file=apis/orders/v1.yaml,line=5,col=1,title=apistage validate [unknown-field]::unknown field 'descripton'; did you mean description?"
assert log.readLines().contains(annotation)
def reports = new File(basedir, 'target/apistage')
def md = new File(reports, 'validate.md').text
assert md.startsWith('## ❌ apistage validate failed (1 error, 0 warnings)\n\n1 problem in 1 file (1 error, 0 warnings)\n')
assert md.contains("| ❌ error | `apis/orders/v1.yaml` | 5:1 | `unknown-field` | unknown field 'descripton'; did you mean description? |")
assert md.contains('```mermaid\nflowchart LR\n')
assert md.contains('  branch_main --> stage_dev\n')
def summary = new File(basedir, 'target/step-summary.md')
assert summary.text == md + '\n'

// SARIF: the problem is a result at the right file, line and column.
def sarif = new JsonSlurper().parse(new File(reports, 'validate.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'apistage'
def result = run.results.find { it.locations[0].physicalLocation.artifactLocation.uri == 'apis/orders/v1.yaml' }
assert result.ruleId == 'unknown-field'
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%'
assert result.locations[0].physicalLocation.region.startLine == 5
assert result.locations[0].physicalLocation.region.startColumn == 1
assert run.tool.driver.rules[result.ruleIndex].id == 'unknown-field'

// JUnit XML: parses, one test case per file, the Api file's case fails with the problem line.
def factory = DocumentBuilderFactory.newInstance()
def doc = factory.newDocumentBuilder().parse(new File(reports, 'TEST-apistage-validate.xml'))
def cases = doc.getElementsByTagName('testcase')
def names = (0..<cases.length).collect { cases.item(it).getAttribute('name') }
assert names.containsAll(['apis/orders/v1.yaml', 'stages/dev.yaml', 'stages/qa.yaml'])
def orders = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'apis/orders/v1.yaml' }
assert orders.getAttribute('classname') == 'validate'
def failure = orders.getElementsByTagName('failure').item(0)
assert failure.textContent.contains(problem)
return true
