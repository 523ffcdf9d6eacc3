// The working copy, and qa's state branch built from the stage-qa folder as a promotion writes it.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def stageBranch = repo.&stageBranch
git(['init', '-q', '-b', 'main'])
git(['add', 'apis', 'policies', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
stageBranch('stage-qa', 'qa')
assert git(['ls-tree', '-r', '--name-only', 'apistage/stage/qa']).readLines() == [
    '.apistage/authored/apis/orders/v1.yaml', '.apistage/authored/policies/cors.yaml', '.apistage/stage.yaml',
    'apis/orders/v1.yaml', 'policies/cors.yaml']
return true
