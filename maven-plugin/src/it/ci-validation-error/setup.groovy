// The project is its own Git work tree, so report paths are relative to it.
def run(String command) {
  def p = command.execute(null, basedir)
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : command
}
run('git init -q -b main')
return true
