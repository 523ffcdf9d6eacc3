// Builds the config repository with the git CLI, with fixed names and dates so commits are reproducible.
def git(String... args) {
  def env = ["GIT_AUTHOR_NAME=Alice", "GIT_AUTHOR_EMAIL=alice@example.com", "GIT_COMMITTER_NAME=Alice",
             "GIT_COMMITTER_EMAIL=alice@example.com", "GIT_AUTHOR_DATE=2026-01-05T10:00:00Z",
             "GIT_COMMITTER_DATE=2026-01-05T10:00:00Z", "GIT_CONFIG_NOSYSTEM=1", "HOME=" + basedir,
             "PATH=" + System.getenv("PATH")]
  def p = (["git"] + args.toList()).execute(env, basedir)
  def out = p.text
  p.waitFor()
  assert p.exitValue() == 0 : "git ${args.join(' ')}: ${p.err.text}"
  return out.trim()
}
new File(basedir, ".gitignore").text = "target/\nbuild.log\n*.groovy\ninvoker.properties\n"
git("init", "-q", "-b", "main")
git("add", "-A")
git("commit", "-q", "-m", "the shop")
return true
