// A repository with two stages and nothing deployed yet: qa's branch does not exist.
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
git(['add', 'apis', 'policies', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
return true
