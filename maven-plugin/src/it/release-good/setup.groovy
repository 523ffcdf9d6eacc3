// History: orders 1.4.2 released (tag orders@1.4.2), then 1.5.0 adds an endpoint and is tagged
// orders@1.5.0 on HEAD; the goal finds the tag on HEAD by itself.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def api = { String version, String extra ->
  new File(basedir, 'apis/orders').mkdirs()
  new File(basedir, 'apis/orders/v1.yaml').text = """\
kind: Api
name: orders
version: ${version}
state: published
baseUrl: https://orders.internal
endpoints:
  - name: getOrder
    method: GET
    path: /orders/{id}
    parameters:
      - { name: id, type: string, required: true, location: path }
${extra}"""
}
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
api('1.4.2', '')
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-q', '-m', 'orders-1.4.2')
git('tag', 'orders@1.4.2')
api('1.5.0', '''\
  - name: cancelOrder
    method: POST
    path: /orders/{id}/cancel
    parameters:
      - { name: id, type: string, required: true, location: path }
''')
git('add', '-A')
git('commit', '-q', '-m', 'orders-1.5.0')
git('tag', '-a', '-m', 'release', 'orders@1.5.0')
return true
