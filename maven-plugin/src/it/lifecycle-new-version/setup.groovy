// The example repository committed on main, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
def git = repo.&git
evaluate(new File(itLib, 'ExampleLib.groovy')).commitOnMain(repo)
// catalog v2 is taken by a folder of that name: new-version must refuse, not write into it
new File(basedir, 'apis/catalog/v2.yaml').mkdirs()
git "checkout", "-q", "-b", "feature"
return true
