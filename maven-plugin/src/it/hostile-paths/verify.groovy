// validate: the hostile branch is a schema error at its value, each link a warning at its path.
// diff: the branch is refused before any ref is read; dev is still compared. Never a stack trace.
def lines = new File(basedir, 'build.log').text.readLines()
def problems = lines.findAll { it =~ /^\[(ERROR|WARNING)\] \S+:\d+:\d+: (error|warning) \[/ }
def link = { String path, String target ->
  "[WARNING] ${path}:1:1: warning [layout] symbolic link not followed: ${path} -> ${target}; apistage reads only regular files inside the config root".toString()
}
def branchSchema = "[ERROR] stages/qa.yaml:5:11: error [schema] must be a Git branch name such as apistage/stage/prod: no '..', '//', '@{', spaces, control characters or any of ~ ^ : ? * [ \\, not starting with '-', '/' or '.', not ending with '/', '.' or '.lock', and not '@' alone"
def branchRefused = "[ERROR] stages/qa.yaml:5:11: error [stage-state] state.branch '../../../etc/passwd' in stages/qa.yaml is not a valid Git branch name; give a Git branch name such as apistage/stage/prod: no '..', '//', '@{', spaces, control characters or any of ~ ^ : ? * [ \\, not starting with '-', '/' or '.', not ending with '/', '.' or '.lock', and not '@' alone"
assert problems == [
  // validate
  link('apis/x', '/etc'),
  link('policies/evil.yaml', '/etc/hostname'),
  branchSchema,
  // diff
  link('apis/x', '/etc'),
  link('policies/evil.yaml', '/etc/hostname'),
  branchRefused,
] : "printed problems differ:\n" + problems.join('\n')
assert lines.contains('[INFO] Plan for dev: 2 to create, 0 to update, 0 to delete, 0 unchanged')
assert lines.contains('[INFO] Plan for qa: not computed; 1 problem in 1 file (1 error, 0 warnings) (listed below)')
assert !lines.any { it.contains('does not exist, so everything is to create') && it.contains('passwd') }
assert lines.count { it.contains('BUILD FAILURE') } == 2
assert !lines.any { it.startsWith('\tat ') || it.startsWith('Caused by') } : 'no stack trace'
// nothing was written outside the stage refs: no etc/passwd in the work tree or under .git
assert !new File(basedir, 'etc').exists()
assert !new File(basedir, '.git/etc').exists()
def refs = "git for-each-ref --format=%(refname)".execute(null, basedir).text.readLines()
assert refs == ['refs/heads/main'] : refs
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/apistage/diff.json'))
assert report.stages*.stage == ['dev']
assert report.details*.rule.sort() == ['layout', 'layout', 'stage-state']
return true
