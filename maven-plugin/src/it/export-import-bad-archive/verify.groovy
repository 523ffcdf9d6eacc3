def log = new File(basedir, 'build.log').text
assert log.contains("on project export-import-bad-archive: notes.apistage is not an apistage archive (it does not start with APISTAGE-ARCHIVE); pass the file an apistage export wrote; nothing was imported")
assert !log.contains("\tat ") : 'a stack trace'
assert !new File(basedir, 'policies/logging.yaml').exists()
assert "git status --porcelain".execute(null, basedir).text.trim() == ''
return true
