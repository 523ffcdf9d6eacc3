def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:diff (default-cli) on"
    + " project diff-unknown-stage: unknown stage 'staging' (apistage.stage); known stages: dev, qa; pass one with"
    + " -Dapistage.stage=dev, or omit it for all -> [Help 1]")
assert log.contains('BUILD FAILURE')
assert !(log =~ /at io\.apistage\./) : 'no stack trace'
assert !log.contains('Plan for')
return true
