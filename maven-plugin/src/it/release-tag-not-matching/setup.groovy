// The CI names the tag v1.5.0, which does not follow the pattern <api>@<version>.
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
git('tag', 'v1.5.0')
return true
