// orders 1.5.0 is released; a later commit goes back to 1.4.9 and tags it orders@1.4.9.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def api = { String version ->
  new File(basedir, 'apis/orders').mkdirs()
  new File(basedir, 'apis/orders/v1.yaml').text = """\
kind: Api
name: orders
version: ${version}
state: published
baseUrl: https://orders.internal
"""
}
api('1.5.0')
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-q', '-m', 'orders-1.5.0')
git('tag', 'orders@1.5.0')
api('1.4.9')
git('add', '-A')
git('commit', '-q', '-m', 'orders-1.4.9')
git('tag', 'orders@1.4.9')
return true
