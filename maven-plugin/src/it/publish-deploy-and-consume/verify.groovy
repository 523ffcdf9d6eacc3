// the deploy wrote the plugin, its schemas and the parent to the repository; the configuration
// repository, starting from an empty local repository, resolved the plugin from there and ran it
def log = new File(basedir, 'build.log').text
def repo = new File(basedir, 'company-repo/io/apistage')
def projectVersion = new File(repo, 'apistage-maven-plugin').list().find { it.endsWith('-SNAPSHOT') }
assert projectVersion : "nothing deployed under ${repo}"
['apistage-parent', 'apistage-schemas', 'apistage-maven-plugin'].each { artifact ->
  def dir = new File(repo, "${artifact}/${projectVersion}")
  assert dir.isDirectory() : "not deployed: ${artifact}"
  assert new File(dir, 'maven-metadata.xml').isFile() : "no snapshot metadata for ${artifact}"
}
assert new File(repo, "apistage-maven-plugin/${projectVersion}").list().any { it ==~ /apistage-maven-plugin-.*-\d+\.jar/ }
assert log =~ /Downloaded from company-repo: file:.*company-repo\/io\/apistage\/apistage-maven-plugin\/.*\.jar/
def local = new File(basedir, "consumer-local-repo/io/apistage/apistage-maven-plugin/${projectVersion}")
assert new File(local, 'maven-metadata-company-repo.xml').isFile()
assert log.contains('[INFO] --- apistage-maven-plugin:' + projectVersion + ':validate (default) @ api-config ---')
assert log.contains('[INFO] 1 file valid, 1 asset')
return true
