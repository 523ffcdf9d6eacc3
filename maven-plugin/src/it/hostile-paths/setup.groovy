// Symbolic links that point outside the config root, and (in stages/qa.yaml) a stage whose
// state.branch climbs out of refs/heads/.
import java.nio.file.Files
import java.nio.file.Paths

def root = basedir.toPath()
Files.createSymbolicLink(root.resolve('policies/evil.yaml'), Paths.get('/etc/hostname'))
Files.createSymbolicLink(root.resolve('apis/x'), Paths.get('/etc'))

def git(List args) {
  def pb = new ProcessBuilder((['git'] + args).collect { it.toString() }).directory(basedir).redirectErrorStream(true)
  pb.environment().putAll([GIT_AUTHOR_NAME: 'IT', GIT_AUTHOR_EMAIL: 'it@example.com', GIT_COMMITTER_NAME: 'IT',
      GIT_COMMITTER_EMAIL: 'it@example.com', GIT_AUTHOR_DATE: '2026-01-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-01T10:00:00Z'])
  def p = pb.start()
  def out = p.inputStream.text
  assert p.waitFor() == 0 : out
  return out.trim()
}
git(['init', '-q', '-b', 'main'])
git(['add', 'apis/orders', 'policies/cors.yaml', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
return true
