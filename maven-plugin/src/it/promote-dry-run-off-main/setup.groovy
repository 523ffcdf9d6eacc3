// Builds the config repository with the git CLI, with fixed names and dates so commits are reproducible.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.commitAll("the shop")
// the promotion is committed on a branch that is not merged into main
git("checkout", "-q", "-b", "feature")
new File(basedir, "promotions").mkdirs()
new File(basedir, "promotions/pets-to-dev.yaml").text =
    "kind: Promotion\nname: pets-to-dev\nto: [dev]\nassets: [{ keyword: pet }]\n"
git("add", "-A")
git("commit", "-q", "-m", "promote pets, not merged yet")
return true
