def lines = new File(basedir, 'build.log').text.readLines()
def head = "git rev-parse --short=7 HEAD".execute(null, basedir).text.trim()
assert lines.contains("[ERROR] promotions/to-prod.yaml:6:24: error [unknown-reference] api 'payments@1' does not exist;"
    + " expected apis/payments/v1.yaml") : lines.join("\n")
assert lines.any { it.contains(":promote (default-cli) on project promote-invalid-commit: nothing promoted: commit ${head}"
    + " does not validate; fix what mvn apistage:validate reports, then promote; 1 problem in 1 file (1 error, 0 warnings)") } : lines.join("\n")
assert !lines.any { it.contains("\tat io.apistage") }
// nothing was written: no stage branch exists, and no promotion is recorded as applied
assert "git branch --list apistage/*".execute(null, basedir).text.trim().isEmpty()
return true
