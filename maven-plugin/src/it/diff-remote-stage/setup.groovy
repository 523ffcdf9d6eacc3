// qa's state lives only on a bare remote (file://), reached through the remote "origin".
def git(Map env = [:], List args) {
  def pb = new ProcessBuilder((['git'] + args).collect { it.toString() }).directory(basedir).redirectErrorStream(true)
  pb.environment().putAll([GIT_AUTHOR_NAME: 'IT', GIT_AUTHOR_EMAIL: 'it@example.com', GIT_COMMITTER_NAME: 'IT',
      GIT_COMMITTER_EMAIL: 'it@example.com', GIT_AUTHOR_DATE: '2026-01-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-01T10:00:00Z'] + env)
  def p = pb.start()
  def out = p.inputStream.text
  assert p.waitFor() == 0 : out
  return out.trim()
}
git(['init', '-q', '-b', 'main'])
git(['add', 'apis', 'applications', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
def remote = new File(basedir, 'remote.git')
git(['init', '-q', '--bare', remote.absolutePath])
git(['remote', 'add', 'origin', 'file://' + remote.absolutePath])
def index = new File(basedir, '.git/stage-index').absolutePath
git([GIT_INDEX_FILE: index], ['--git-dir=.git', '--work-tree=stage-qa', 'add', '-A', '--', ':/'])
def tree = git([GIT_INDEX_FILE: index], ['write-tree'])
def commit = git(['commit-tree', tree, '-m', "promotion first to qa\n\nApistage-Stage: qa"])
git(['push', '-q', 'origin', "${commit}:refs/heads/deploy/qa"])
new File(index).delete()
new File(basedir, 'state-commit.txt').text = commit
return true
