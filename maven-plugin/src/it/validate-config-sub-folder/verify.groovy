// paths in messages and reports are relative to the config root, not to the project or the work tree
def log = new File(basedir, 'build.log').text
def printed = log.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] \S+\.ya?ml:\d+:\d+: / }
assert printed == [
  "[ERROR] policies/cors.yaml:2:7: error [name-file] name 'corz' does not match the file name cors.yaml; set name: cors or rename the file",
] : printed.join('\n')
assert log.contains('1 problem in 1 file (1 error, 0 warnings)')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/validate.json'))
assert json.details*.file == ['policies/cors.yaml']
assert json.filesChecked == 2
return true
