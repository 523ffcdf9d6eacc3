// The working copy, and qa's state branch built from the stage-qa folder as a promotion writes it.
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
def stageBranch(String folder, String stage) {
  def index = new File(basedir, '.git/stage-index').absolutePath
  git([GIT_INDEX_FILE: index], ['--git-dir=.git', '--work-tree=' + folder, 'add', '-A', '--', ':/'])
  def tree = git([GIT_INDEX_FILE: index], ['write-tree'])
  def commit = git(['commit-tree', tree, '-m', "promotion first to ${stage}\n\nApistage-Stage: ${stage}"])
  git(['update-ref', "refs/heads/apistage/stage/${stage}", commit])
  new File(index).delete()
}
git(['init', '-q', '-b', 'main'])
git(['add', 'apis', 'applications', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
stageBranch('stage-qa', 'qa')
return true
