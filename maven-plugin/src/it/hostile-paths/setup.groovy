// Symbolic links that point outside the config root, and (in stages/qa.yaml) a stage whose
// state.branch climbs out of refs/heads/.
import java.nio.file.Files
import java.nio.file.Paths

def root = basedir.toPath()
Files.createSymbolicLink(root.resolve('policies/evil.yaml'), Paths.get('/etc/hostname'))
Files.createSymbolicLink(root.resolve('apis/x'), Paths.get('/etc'))

def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
git(['init', '-q', '-b', 'main'])
git(['add', 'apis/orders', 'policies/cors.yaml', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
return true
