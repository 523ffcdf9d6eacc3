// Builds the config repository, and starts an nginx master of this case on a free loopback port
// (its own prefix folder, in the foreground as a child of this JVM); verify.groovy stops it by its
// pid, and a shutdown hook stops it when the case fails before that.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def nginx = new File('/usr/sbin/nginx')
assert nginx.canExecute() : "nginx is not installed (apt-get install -y nginx); .ci/run installs it"
def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
new File(basedir, "stages").mkdirs()
new File(basedir, "stages/dev.yaml").text =
    "kind: Stage\nname: dev\ntrack: main\ngateway: { type: nginx, listen: 127.0.0.1:${port}, deploy: auto }\n"
def prefix = new File(basedir, "nginx").absolutePath
new File(prefix, "conf/apistage").mkdirs()
new File(prefix, "logs").mkdirs()
new File(prefix, "conf/nginx.conf").text = """pid ${prefix}/logs/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
    include apistage/*.conf;
}
"""
repo.commitAll("orders on dev", ['nginx/'])
def master = new ProcessBuilder(nginx.path, "-p", prefix + "/", "-c", prefix + "/conf/nginx.conf", "-g", "daemon off;")
    .redirectErrorStream(true).redirectOutput(new File(prefix, "logs/master.out")).start()
Runtime.runtime.addShutdownHook(new Thread({ if (master.alive) { master.destroy() } }))
new File(basedir, "port.txt").text = "${port}"
def deadline = System.currentTimeMillis() + 10000
while (System.currentTimeMillis() < deadline && !new File(prefix, "logs/nginx.pid").exists()) {
  Thread.sleep(50)
}
assert master.alive : new File(prefix, "logs/master.out").text
return true
