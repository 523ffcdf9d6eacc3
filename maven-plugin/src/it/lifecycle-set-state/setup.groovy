// The example repository committed on main, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
def git = repo.&git
evaluate(new File(itLib, 'ExampleLib.groovy')).commitOnMain(repo)
git "checkout", "-q", "-b", "feature"
return true
