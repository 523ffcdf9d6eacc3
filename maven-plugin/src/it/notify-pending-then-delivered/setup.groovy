// Two webhook receivers on loopback, in this JVM, on daemon threads: mobile-app's answers 204 from
// the start; web-shop's port is reserved and closed (connections are refused) until promote has
// written target/apistage/promote.json, then it answers 200. Every request is written to
// received/<receiver>-<n>.json (headers and body) for verify.groovy, which stops both receivers; a
// watchdog stops them after 10 minutes whatever happens. Then the config repository: main holds
// orders 1.5.0 (a new endpoint) and two applications with webhooks; dev's state branch runs 1.4.2.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import java.util.concurrent.Executors
import java.util.concurrent.ThreadFactory
import java.util.concurrent.atomic.AtomicInteger

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def received = new File(basedir, 'received')
received.mkdirs()
def loopback = InetAddress.getByName('127.0.0.1')
def daemons = { String name -> { Runnable r -> def t = new Thread(r, name); t.daemon = true; t } as ThreadFactory }

def receiver = { String name, int port, int status ->
  def count = new AtomicInteger()
  def server = HttpServer.create(new InetSocketAddress(loopback, port), 8)
  server.executor = Executors.newFixedThreadPool(2, daemons("it-receiver-" + name))
  server.createContext('/', { HttpExchange ex ->
    def body = ex.requestBody.text
    def headers = ex.requestHeaders.collectEntries { k, v -> [k.toLowerCase(), v[0]] }
    def file = new File(received, "${name}-${count.incrementAndGet()}.json")
    def tmp = new File(received, file.name + '.tmp')
    tmp.text = JsonOutput.toJson([path: ex.requestURI.path, headers: headers, body: body])
    tmp.renameTo(file)
    ex.sendResponseHeaders(status, -1)
    ex.close()
  } as HttpHandler)
  server.start()
  server
}

def mobile = receiver('mobile', 0, 204)
def webPort = new ServerSocket(0, 1, loopback).withCloseable { it.localPort }
def servers = Collections.synchronizedList([mobile])
System.properties.put('apistage.it.notify.receivers', servers)
def promoted = new File(basedir, 'target/apistage/promote.json')
def starter = new Thread({
  long deadline = System.nanoTime() + 600_000_000_000L
  while (!promoted.isFile() && System.nanoTime() < deadline) { Thread.sleep(50) }
  if (promoted.isFile()) { servers << receiver('web', webPort, 200) }
  while (System.nanoTime() < deadline && System.properties.get('apistage.it.notify.receivers') != null) { Thread.sleep(500) }
  servers.each { it.stop(0) }
} as Runnable, 'it-receiver-web-shop-starter')
starter.daemon = true
starter.start()

def app = { String name, int port ->
  """kind: Application
name: ${name}
apis: [orders@1]
contact:
  webhook:
    url: http://127.0.0.1:${port}/hooks/${name}
    secret: "\${secret:SHOP_HOOKS}"
"""
}
['', 'stage-dev/', 'stage-dev/.apistage/authored/'].each { prefix ->
  repo.write(prefix + 'applications/mobile-app.yaml', app('mobile-app', mobile.address.port))
  repo.write(prefix + 'applications/web-shop.yaml', app('web-shop', webPort))
}
new File(basedir, 'ports.txt').text = "mobile=${mobile.address.port}\nweb=${webPort}\n"
git('init', '-q', '-b', 'main')
git('add', 'apis', 'applications', 'stages', 'pom.xml')
git('commit', '-q', '-m', 'orders 1.5.0 and two applications with webhooks')
repo.stageBranch('stage-dev', 'dev')
return true
