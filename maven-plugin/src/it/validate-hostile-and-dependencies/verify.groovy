// dependency rules and hostile YAML: each one exact line at the offending value, then one summary
def log = new File(basedir, 'build.log').text
def expected = [
  "aliases/primary.yaml:3:8: error [dependency-cycle] dependency cycle alias/primary -> alias/secondary -> alias/primary; an asset cannot depend on itself through others: break the cycle",
  "apis/orders/v1.yaml:4:8: error [implementation] a published Api needs baseUrl, the URL of its implementation (often \${alias:NAME}); add baseUrl or set state: draft",
  "plans/gold.yaml:3:5: error [duplicate-id] id 6b0f6f0e-2c52-4b8e-9d7c-1f2a3b4c5d6e is also the id of package/retail (packages/retail.yaml); ids are unique: give plan/gold its own id",
  "policies/bomb.yaml:9:6: error [yaml] the document expands to more than 500000 values through its aliases (an alias bomb?); write the values out or use fewer aliases",
  "policies/deep.yaml:4:72: error [yaml] the document nests too deeply (more than 64 levels)",
  "policies/latin.yaml:4:15: error [yaml] the file is not UTF-8 (invalid byte 0xE9); save it as UTF-8",
  "policies/two.yaml:5:1: error [yaml] the file holds more than one YAML document; keep one document per file",
  "subscriptions/mobile-retail.yaml:5:7: error [subscription-plan] plan 'gold' is not a plan of package 'retail' (it offers free); choose one of its plans or add gold to the plans of packages/retail.yaml",
]
def printed = log.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] \S+\.ya?ml:\d+:\d+: / }
    .collect { it.substring(it.indexOf('] ') + 2) }
assert printed == expected : "printed problems differ:\n" + printed.join('\n')
assert log.contains('8 problems in 8 files (8 errors, 0 warnings)')
assert !log.contains('StackOverflowError') && !log.contains('OutOfMemoryError') && !log.contains('\tat ')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/validate.json'))
assert json.details.size() == 8
return true
