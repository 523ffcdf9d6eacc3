// Builds the config repository with the git CLI, with fixed names and dates so commits are reproducible.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
new File(basedir, ".gitignore").text = "target/\nbuild.log\n*.groovy\ninvoker.properties\n"
git("init", "-q", "-b", "main")
git("add", "-A")
git("commit", "-q", "-m", "the shop")
return true
