// typos name the nearest known field or asset, enum and type errors name the field and the value,
// and version: 1.0 is told the one fix that makes the file valid
def log = new File(basedir, 'build.log').text
def expected = [
  'apis/orders/v1.yaml:3:10: error [schema] version: 1.0 is a number, not a string; write version: "1.0.0"',
  'apis/orders/v1.yaml:4:8: error [schema] state: publishd is not one of draft, published, deprecated, retired; did you mean published?',
  "apis/orders/v1.yaml:6:12: error [unknown-reference] policy 'corz' does not exist; expected policies/corz.yaml; did you mean cors?",
  "applications/mobile.yaml:3:8: error [unknown-reference] api 'order@1' does not exist; expected apis/order/v1.yaml; did you mean orders@1?",
  "stages/qa.yaml:2:7: error [stage-chain] stage 'qa' has no promotesFrom, and neither has 'dev'; a stage chain has one first stage: set promotesFrom on one of them",
  "stages/qa.yaml:3:1: error [unknown-field] unknown field 'promoteFrom'; did you mean promotesFrom?",
]
// batch mode (-B): plain lines
def plain = log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains(': error [') }
    .collect { it.substring('[ERROR] '.length()) }
assert plain.unique(false) == expected : "plain problems differ:\n" + plain.join('\n')
// -Dstyle.color=always: Maven's colour setting is on, each problem line is bold red
def esc = '\u001B['
expected.each { line ->
  assert log.contains("[${esc}1;31mERROR${esc}m] ${esc}1;31m${line}${esc}m".toString()) : "no coloured line: ${line}"
}
assert log.contains('6 problems in 3 files (6 errors, 0 warnings)')
assert !log.contains('Caused by')
return true
