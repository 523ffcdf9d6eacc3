import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains("[INFO]   Success  api/orders@1: would create apis/orders/v1.yaml")
assert lines.contains("[INFO]   Replaced policy/cors: would replace policies/cors.yaml")
assert lines.contains("[INFO]   would write  aliases/orders-backend.yaml")
assert lines.contains("[INFO]   would write  apis/orders/v1.yaml")
assert lines.contains("[INFO]   would write  policies/cors.yaml")
assert lines.contains("[INFO] dry run: importing 3 assets from shop.apistage would write 3 files and delete 0 files (2 Success, 1 Replaced); the archive is intact; nothing was written")
assert !log.contains("\tat ") : 'a stack trace'
// nothing written into copy/: the same two files, no staging folder left behind
def copy = new File(basedir, 'copy')
def left = []
copy.eachFileRecurse { if (it.isFile()) left << copy.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert left.sort() == ['policies/cors.yaml', 'stages/dev.yaml']
assert copy.list().sort() == ['policies', 'stages']
assert new File(copy, 'policies/cors.yaml').text == 'kind: Policy\nname: cors\ntype: logging\n'
def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/import.json'))
assert report.status == 'success'
assert report.dryRun == true
assert report.written == ['aliases/orders-backend.yaml', 'apis/orders/v1.yaml', 'policies/cors.yaml']
assert report.removed == []
return true
