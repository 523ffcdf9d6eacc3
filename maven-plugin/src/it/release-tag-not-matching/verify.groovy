def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:release (default-cli) on project release-tag-not-matching: the tag 'v1.5.0' (from GITHUB_REF) does not match the release tag pattern <api>@<version>; a release tag names an API and its semantic version, e.g. orders@1.5.0 (the pattern is tagPattern in apistage.yaml)")
assert !log.contains('at io.apistage.')
return true
