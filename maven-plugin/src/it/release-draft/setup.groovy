// orders 1.5.0 is tagged while its file still says state: draft.
def env = System.getenv().collect { k, v -> "$k=$v" } + [
  'GIT_AUTHOR_NAME=Ada', 'GIT_AUTHOR_EMAIL=ada@example.com',
  'GIT_COMMITTER_NAME=Ada', 'GIT_COMMITTER_EMAIL=ada@example.com',
  'GIT_AUTHOR_DATE=2026-01-01T00:00:00Z', 'GIT_COMMITTER_DATE=2026-01-01T00:00:00Z']
def git = { String args ->
  def p = ('git ' + args).execute(env, basedir)
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : args
}
new File(basedir, 'apis/orders').mkdirs()
new File(basedir, 'apis/orders/v1.yaml').text = '''\
kind: Api
name: orders
version: 1.5.0
state: draft
baseUrl: https://orders.internal
'''
git('init -q -b main')
git('add -A')
git('commit -q -m orders-1.5.0-draft')
git('tag orders@1.5.0')
return true
