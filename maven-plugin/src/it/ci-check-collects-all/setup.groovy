// A clone without the main branch (only feature), and a typo in a file: validate finds the typo,
// check-versions cannot find its base, diff runs; the build fails once with both.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
new File(basedir, 'apis/orders').mkdirs()
new File(basedir, 'apis/orders/v1.yaml').text = '''\
kind: Api
name: orders
version: 1.0.0
state: draft
descripton: Orders of the web shop
'''
new File(basedir, 'stages').mkdirs()
new File(basedir, 'stages/dev.yaml').text = 'kind: Stage\nname: dev\ngatewayUrl: https://dev.api.example.com\n'
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('init', '-q', '-b', 'feature')
git('add', '-A')
git('commit', '-q', '-m', 'first')
return true
