// Builds the config repository with the git CLI, with fixed names and dates so commits are reproducible.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.commitAll("the shop")
return true
