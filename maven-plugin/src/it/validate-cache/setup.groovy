// The shop fixture in a Git work tree, committed, so the cache asks the index for the blob ids of
// unchanged files; one stray file under apis/ gives a warning that every run must print the same.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
repo.copy('shop-1.4.2')
repo.write('apis/orders/notes.yaml', 'kind: Api\n')
repo.write('.gitignore', 'target/\nbuild.log\n')
repo.git('init', '-q', '-b', 'main')
repo.git('add', '-A')
repo.git('commit', '-q', '-m', 'shop')
return true
