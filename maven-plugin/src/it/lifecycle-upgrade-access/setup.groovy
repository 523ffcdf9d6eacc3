// The example repository committed on main, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
def git = repo.&git
evaluate(new File(itLib, 'ExampleLib.groovy')).commitOnMain(repo)
// customers v2 is retired: nobody may move to it
def v1 = new File(basedir, 'apis/customers/v1.yaml').getText('UTF-8')
new File(basedir, 'apis/customers/v2.yaml').setText(
    v1.replace('version: 1.1.0', 'version: 2.0.0').replace('state: published', 'state: retired'), 'UTF-8')
git "add", "-A"
git "commit", "-q", "-m", "customers v2, retired"
git "checkout", "-q", "-b", "feature"
return true
