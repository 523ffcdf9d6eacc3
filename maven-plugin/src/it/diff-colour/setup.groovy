// A repository with two stages and nothing deployed yet: qa's branch does not exist.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
git(['init', '-q', '-b', 'main'])
git(['add', 'apis', 'policies', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
return true
