def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.write('policies/cors.yaml', 'kind: Policy\nname: cors\ntype: cors\n')
repo.write('notes.apistage', 'kind: Policy\nname: logging\ntype: logging\n')
repo.commitAll("one policy", ['notes.apistage'])
return true
