import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

// Every goal ran; the one that could not run is a problem of its own; the build failed once.
def log = new File(basedir, 'build.log').text
def notRun = '(configuration root): error [check-versions] check-versions could not run: there is neither a branch main nor origin/main to find the base of this change; fetch it (git fetch origin main:refs/remotes/origin/main), pass -Dapistage.base=<rev>, or set mainBranch in apistage.yaml if the main branch has another name'
def typo = "apis/orders/v1.yaml:5:1: error [unknown-field] unknown field 'descripton'; did you mean description?"
assert log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains(': error [') } == ['[ERROR] ' + notRun, '[ERROR] ' + typo]
assert log.contains('[INFO] Plan for dev: 1 to create, 0 to update, 0 to delete, 0 unchanged')
assert log.contains('on project ci-check-collects-all: 2 problems in 2 files (2 errors, 0 warnings) (validate, check-versions, diff, promote) -> [Help 1]')
assert log.count('BUILD FAILURE') == 1

def reports = new File(basedir, 'target/apistage')
def check = new JsonSlurper().parse(new File(reports, 'check.json'))
assert check.goals.collect { it.goal + ' ' + it.code } == ['validate VALIDATION_FAILED', 'check-versions NOT_RUN', 'diff OK', 'promote PROMOTION_FAILED']
assert new File(reports, 'validate.json').isFile()
assert new File(reports, 'diff.json').isFile()
assert !new File(reports, 'check-versions.json').exists()

def md = new File(reports, 'check.md').text
assert md.contains('| check-versions | ❌ NOT_RUN | there is neither a branch main nor origin/main')
assert md.contains('| diff | ✅ OK | 1 stage compared')
assert md.contains('| promote | ❌ PROMOTION_FAILED | nothing promoted: commit ')

// SARIF: the project-wide problem has no location, the typo has its line.
def run = new JsonSlurper().parse(new File(reports, 'check.sarif')).runs[0]
assert run.results.collect { it.ruleId } == ['check-versions', 'unknown-field']
assert run.results[0].locations == null
assert run.results[1].locations[0].physicalLocation.region.startLine == 5

def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reports, 'TEST-apistage-check.xml'))
assert doc.documentElement.getAttribute('failures') == '2'
return true
