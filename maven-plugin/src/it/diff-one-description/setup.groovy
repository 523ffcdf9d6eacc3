// The working copy, and qa's state branch built from the stage-qa folder as a promotion writes it.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def stageBranch = repo.&stageBranch
git(['init', '-q', '-b', 'main'])
git(['add', 'apis', 'applications', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
stageBranch('stage-qa', 'qa')
return true
