// orders 1.5.0 is tagged while its file still says state: draft.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
new File(basedir, 'apis/orders').mkdirs()
new File(basedir, 'apis/orders/v1.yaml').text = '''\
kind: Api
name: orders
version: 1.5.0
state: draft
baseUrl: https://orders.internal
'''
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-q', '-m', 'orders-1.5.0-draft')
git('tag', 'orders@1.5.0')
return true
