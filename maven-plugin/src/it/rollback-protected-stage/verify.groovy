def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def lines = new File(basedir, 'build.log').text.readLines()
def commits = git("rev-list", "apistage/stage/qa").readLines()
// one promote commit and one rollback: the dry run and the refused rollback wrote nothing
assert commits.size() == 2 : commits
[
    "[INFO] rollback (dry run) pets-to-qa on qa: would restore 1 asset; nothing was written",
    "[INFO]   Success  api/pets@1: removed: pets-to-qa had created it",
    "[INFO] rollback (dry run): qa would be restored to its state before pets-to-qa (1 asset); nothing was written",
    "[INFO] rollback pets-to-qa on qa: success, commit ${commits[0].take(7)} (undoes 000002-promotion-pets-to-qa)".toString(),
].each { assert lines.contains(it) : "missing line: " + it }
assert lines.any { it.contains(":rollback (default-cli) on project rollback-protected-stage: stage qa is protected"
    + " (protected: true in stages/qa.yaml): rolling it back needs -Dapistage.confirm=qa; -Dapistage.dryRun=true"
    + " shows what would be restored") } : lines.join("\n")
assert !lines.any { it.contains("\tat io.apistage") }
return true
