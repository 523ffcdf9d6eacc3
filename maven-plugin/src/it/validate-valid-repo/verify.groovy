def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/apistage/validate.json')
assert report.isFile()
assert report.text.contains('"status" : "success"')
return true
