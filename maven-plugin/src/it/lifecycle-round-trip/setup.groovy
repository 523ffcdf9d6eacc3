// The example repository committed on main, then a branch feature, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
def git = repo.&git
evaluate(new File(itLib, 'ExampleLib.groovy')).copyInto(basedir, new File(itLib))
new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
git "init", "-q", "-b", "main"
git "add", "-A"
git "commit", "-q", "-m", "the Brightcart shop"
git "checkout", "-q", "-b", "feature"
return true
