// The CI names the tag v1.5.0, which does not follow the pattern <api>@<version>.
def env = System.getenv().collect { k, v -> "$k=$v" } + [
  'GIT_AUTHOR_NAME=Ada', 'GIT_AUTHOR_EMAIL=ada@example.com',
  'GIT_COMMITTER_NAME=Ada', 'GIT_COMMITTER_EMAIL=ada@example.com',
  'GIT_AUTHOR_DATE=2026-01-01T00:00:00Z', 'GIT_COMMITTER_DATE=2026-01-01T00:00:00Z']
def git = { String args ->
  def p = ('git ' + args).execute(env, basedir)
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : args
}
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
git('init -q -b main')
git('add -A')
git('commit -q -m orders-1.5.0')
git('tag v1.5.0')
return true
