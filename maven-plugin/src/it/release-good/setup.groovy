// History: orders 1.4.2 released (tag orders@1.4.2), then 1.5.0 adds an endpoint and is tagged
// orders@1.5.0 on HEAD; the goal finds the tag on HEAD by itself.
def env = System.getenv().collect { k, v -> "$k=$v" } + [
  'GIT_AUTHOR_NAME=Ada', 'GIT_AUTHOR_EMAIL=ada@example.com',
  'GIT_COMMITTER_NAME=Ada', 'GIT_COMMITTER_EMAIL=ada@example.com',
  'GIT_AUTHOR_DATE=2026-01-01T00:00:00Z', 'GIT_COMMITTER_DATE=2026-01-01T00:00:00Z']
def git = { String args ->
  def p = ('git ' + args).execute(env, basedir)
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : args
}
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
git('init -q -b main')
git('add -A')
git('commit -q -m orders-1.4.2')
git('tag orders@1.4.2')
api('1.5.0', '''\
  - name: cancelOrder
    method: POST
    path: /orders/{id}/cancel
    parameters:
      - { name: id, type: string, required: true, location: path }
''')
git('add -A')
git('commit -q -m orders-1.5.0')
git('tag -a -m release orders@1.5.0')
return true
