def log = new File(basedir, 'build.log').text
def head = "git rev-parse --short=7 HEAD".execute(null, basedir).text.trim()
assert log.contains("[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:") : log
assert log.contains(":promote (default-cli) on project promote-refused-off-main: promote applies promotions only from a"
    + " commit on the main branch: HEAD ${head} is not on main; merge it into main first, or run with"
    + " -Dapistage.dryRun=true to see what would happen") : log
assert !log.contains("\tat io.apistage") // no stack trace
// nothing was written: no stage branch exists
assert "git branch --list apistage/*".execute(null, basedir).text.trim().isEmpty()
return true
