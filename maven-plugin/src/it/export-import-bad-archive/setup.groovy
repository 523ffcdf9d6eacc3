def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
new File(basedir, ".gitignore").text = "target/\nbuild.log\n*.groovy\ninvoker.properties\nnotes.apistage\n"
repo.write('policies/cors.yaml', 'kind: Policy\nname: cors\ntype: cors\n')
repo.write('notes.apistage', 'kind: Policy\nname: logging\ntype: logging\n')
git("init", "-q", "-b", "main")
git("add", "-A")
git("commit", "-q", "-m", "one policy")
return true
