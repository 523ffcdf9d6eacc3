def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:export (default-cli) on project export-import-password-refused: -Dapistage.password is refused: a password on the command line is visible to every process on this machine; set the environment variable APISTAGE_ARCHIVE_PASSWORD, or put the password in a settings.xml server with id apistage-archive (encrypted with mvn --encrypt-password if you like)")
assert !log.contains("\tat ") : 'a stack trace'
assert !new File(basedir, 'target/all.apistage').exists()
return true
