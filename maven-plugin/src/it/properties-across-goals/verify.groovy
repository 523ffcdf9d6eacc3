def log = new File(basedir, 'build.log').text
assert log.contains("apistage:validate") || log.contains(":validate (default)") : log
assert log.contains(":diff (default-cli) @ properties-across-goals") : log
assert !log.contains("does not take -Dapistage") : log
assert log.contains("BUILD SUCCESS") : log
return true
