// qa's state lives only on a bare remote (file://), reached through the remote "origin".
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
git(['init', '-q', '-b', 'main'])
git(['add', 'apis', 'applications', 'stages', 'pom.xml'])
git(['commit', '-q', '-m', 'config'])
def remote = new File(basedir, 'remote.git')
git(['init', '-q', '--bare', remote.absolutePath])
git(['remote', 'add', 'origin', 'file://' + remote.absolutePath])
def commit = repo.stageCommit('stage-qa', 'qa')
git(['push', '-q', 'origin', "${commit}:refs/heads/deploy/qa"])
new File(basedir, 'state-commit.txt').text = commit
return true
