// A clone without the main branch (only feature), and a typo in a file: validate finds the typo,
// check-versions cannot find its base, diff runs; the build fails once with both.
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
version: 1.0.0
state: draft
descripton: Orders of the web shop
'''
new File(basedir, 'stages').mkdirs()
new File(basedir, 'stages/dev.yaml').text = 'kind: Stage\nname: dev\ngatewayUrl: https://dev.api.example.com\n'
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('init -q -b feature')
git('add -A')
git('commit -q -m first')
return true
