// the config root is a sub-folder of a Git work tree
def run = { String cmd ->
  def p = cmd.execute(null, basedir)
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : cmd
}
run('git init -q')
return true
