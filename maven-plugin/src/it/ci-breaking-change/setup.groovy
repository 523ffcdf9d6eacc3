// A Git work tree whose config root is the sub-folder config/. main has orders 1.4.2 with two
// endpoints, used by mobile-app; the branch feature removes DELETE /orders/{id} and calls it
// 1.5.0: a breaking change inside the v1 line.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def write = { String path, String text -> repo.write('config/' + path, text) }
def api = { String version, boolean withDelete ->
  write('apis/orders/v1.yaml', """\
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
""" + (withDelete ? '''\
  - name: deleteOrder
    method: DELETE
    path: /orders/{id}
    parameters:
      - { name: id, type: string, required: true, location: path }
''' : ''))
}
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
api('1.4.2', true)
write('applications/mobile-app.yaml', 'kind: Application\nname: mobile-app\napis: [orders@1]\n')
write('stages/dev.yaml', 'kind: Stage\nname: dev\ngatewayUrl: https://dev.api.example.com\n')
write('stages/qa.yaml', 'kind: Stage\nname: qa\npromotesFrom: dev\ngatewayUrl: https://qa.api.example.com\n')
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-q', '-m', 'orders-1.4.2')
git('checkout', '-q', '-b', 'feature')
api('1.5.0', false)
git('add', '-A')
git('commit', '-q', '-m', 'remove-delete')
return true
