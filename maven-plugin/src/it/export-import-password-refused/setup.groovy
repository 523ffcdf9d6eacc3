def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.write('policies/cors.yaml', 'kind: Policy\nname: cors\ntype: cors\n')
repo.commitAll("one policy")
return true
