// mvn apistage:help -Ddetail lists every goal with every parameter, its default and property.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def goals = (log =~ /(?m)^apistage:([a-z-]+)$/).collect { it[1] }
assert goals.containsAll(['check', 'help', 'release', 'validate']) : goals
assert log.contains('''\
    configDir (Default: ${project.basedir})
      The config root: the folder holding apis/, stages/ and the other kind
      folders. It may be a sub-folder of a Git work tree.
      User property: apistage.configDir''')
assert log.contains('''\
    reportDir (Default: ${project.build.directory}/apistage)
      The folder the goal writes its reports into.
      User property: apistage.reportDir''')
assert log.contains('''\
    skip (Default: false)
      Skips the goal.
      User property: apistage.skip''')
assert log.contains('User property: apistage.tag')
assert log.contains('User property: apistage.failOnWarning')
// Every parameter has Javadoc: the help goal prints "(no description)" otherwise.
assert !log.contains('(no description)')
// Every apistage goal's parameter (not those of help itself) has an apistage.* property.
def sections = log.split(/(?m)^apistage:/)
sections.findAll { !it.startsWith('help') && it.contains('Available parameters:') }.each { section ->
  def params = (section =~ /(?m)^    ([A-Za-z]+)( \(Default: [^)]*\))?$/).collect { it[1] }
  def properties = (section =~ /(?m)^      User property: (apistage\.[A-Za-z.]+)$/).collect { it[1] }
  assert params.size() == properties.size() : section
}
return true
