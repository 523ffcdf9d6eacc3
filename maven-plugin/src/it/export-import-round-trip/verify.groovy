import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def archive = new File(basedir, 'target/shop.apistage')
assert archive.isFile()
assert new String(archive.bytes, 0, 16, 'US-ASCII') == 'APISTAGE-ARCHIVE'
assert !new String(archive.bytes, 'ISO-8859-1').contains('orders-backend') : 'the archive is not encrypted'
assert lines.contains("[INFO]   Success  api/orders@1: exported (selected)")
assert lines.contains("[INFO]   Success  policy/cors: exported (required by api/orders@1)")
assert lines.contains("[INFO]   Success  alias/orders-backend: exported (required by api/orders@1)")
assert lines.any { it.startsWith("[INFO] exported 3 assets from the working copy to ") && it.endsWith("shop.apistage") }
assert lines.contains("[INFO]   Success  api/orders@1: created apis/orders/v1.yaml")
assert lines.contains("[INFO] imported 3 assets from shop.apistage into the working copy (3 Success); nothing was committed")
['apis/orders/v1.yaml', 'policies/cors.yaml', 'aliases/orders-backend.yaml'].each {
  assert new File(basedir, 'copy/' + it).bytes == new File(basedir, it).bytes : it
}
assert !new File(basedir, 'copy/apis/pets').exists()
def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/import.json'))
assert report.status == 'success'
assert report.assets.collect { it.key } == ['alias/orders-backend', 'api/orders@1', 'policy/cors']
def head = "git rev-parse HEAD".execute(null, basedir).text.trim()
def exported = new JsonSlurper().parse(new File(basedir, 'target/apistage/export.json'))
assert exported.commit == head
assert exported.source == 'working-copy'
return true
