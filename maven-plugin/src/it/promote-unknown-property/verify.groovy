def log = new File(basedir, 'build.log').text
assert log.contains(":promote (default-cli) on project promote-unknown-property: apistage:promote does not"
    + " take -Dapistage.stage (it is a property of check, deploy, diff, export, history, notify, rollback); apistage:promote takes"
    + " -Dapistage.configDir, -Dapistage.dryRun, -Dapistage.nginx.bin, -Dapistage.nginx.conf,"
    + " -Dapistage.nginx.readySeconds, -Dapistage.promotion, -Dapistage.reportDir,"
    + " -Dapistage.repromote, -Dapistage.skip") : log
assert !log.contains("\tat io.apistage") // no stack trace
// nothing was written: no stage branch exists
assert "git branch --list apistage/*".execute(null, basedir).text.trim().isEmpty()
return true
