def log = new File(basedir, "build.log").text
assert log.contains("apistage.dryRun='ture' is not a switch value; pass -Dapistage.dryRun=true or -Dapistage.dryRun=false")
assert !log.contains("apistage promote:") : "the goal must stop before it reads anything"
assert !log.contains("\tat ") : "no stack trace"
return true
