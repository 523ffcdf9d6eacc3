import groovy.json.JsonSlurper

// promote brought dev in line with main and, dev being deploy: auto, deployed it on nginx; a second
// deploy of the same state did nothing; history shows the deploy. The nginx master is then stopped
// by its pid.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def prefix = new File(basedir, "nginx").absolutePath
def pid = new File(prefix, "logs/nginx.pid").text.trim()
try {
  def port = new File(basedir, "port.txt").text.trim()
  def lines = new File(basedir, 'build.log').text.readLines()
  def promoted = git("rev-list", "-n", "1", "apistage/stage/dev~1")
  def short7 = promoted.take(7)
  assert lines.any { it.startsWith("[INFO] promote: 1 applied") && it.contains("; stage dev deployed: its gateway runs ${short7}".toString()) } : lines.join("\n")
  assert lines.any { it.startsWith("[INFO] stage dev: the gateway already runs ${short7}".toString()) && it.endsWith("nothing to deploy") }
  assert lines.contains("[INFO] history of dev: 1 promotion, 0 rollbacks") : "a deploy record is neither"
  assert lines.any { it.contains(" deploy dev  success  by ci-bot") } : lines.join("\n")
  def wellKnown = new URL("http://127.0.0.1:${port}/.well-known/apistage").text
  assert wellKnown == "{\"stage\":\"dev\",\"commit\":\"${promoted}\"}\n".toString()
  def call = new URL("http://127.0.0.1:${port}/orders/v1/orders/1").openConnection()
  assert call.responseCode == 401
  def file = new File(prefix, "conf/apistage/dev.conf")
  assert java.nio.file.Files.getPosixFilePermissions(file.toPath()).collect { it.toString() }.sort() == ["OWNER_READ", "OWNER_WRITE"]
  assert !new File(basedir, 'build.log').text.contains("shop-key-0001")
  def report = new JsonSlurper().parse(new File(basedir, 'target/apistage/deploy.json'))
  assert report.status == "success"
  assert report.deploy == "unchanged"
} finally {
  ["kill", "-TERM", pid].execute().waitFor()
}
return true
