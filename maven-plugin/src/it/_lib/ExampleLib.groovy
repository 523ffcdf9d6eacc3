// (The file is not named ExampleCopy.groovy: Groovy would make a second class of its script.)
// Copies the YAML files of the repository's example-repo (the Brightcart shop) into an
// integration test's folder, byte for byte; its pom.xml, README and CI files stay behind, so the
// case keeps its own pom.xml. A setup.groovy loads it through the invoker's script variable itLib:
//   def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
//   evaluate(new File(itLib, 'ExampleLib.groovy')).commitOnMain(repo)
class ExampleCopy {
  /** The example committed on a new branch main of the case's repository (an ItLib ItRepo). */
  static void commitOnMain(repo) {
    copyInto(repo.dir, repo.lib)
    new File(repo.dir, '.gitignore').text = 'target/\nbuild.log\n'
    repo.git 'init', '-q', '-b', 'main'
    repo.git 'add', '-A'
    repo.git 'commit', '-q', '-m', 'the Brightcart shop'
  }

  static void copyInto(File dir, File lib) {
    def example = new File(lib, '../../../../example-repo').canonicalFile
    assert new File(example, 'apis').isDirectory() : "no example repository at ${example}"
    example.eachFileRecurse(groovy.io.FileType.FILES) { file ->
      def path = example.toPath().relativize(file.toPath()).toString().replace('\\', '/')
      if (path.endsWith('.yaml') && !path.startsWith('target/') && !path.startsWith('.')) {
        def to = new File(dir, path)
        to.parentFile.mkdirs()
        to.bytes = file.bytes
      }
    }
    // the lifecycle cases edit payments' endpoints: they keep them inline, as payments had them
    // before example-repo took its endpoints from an OpenAPI document
    new File(dir, 'apis/payments/v1.yaml').bytes = new File(lib, 'inline-payments/payments-v1.yaml').bytes
    new File(dir, 'apistage.yaml').bytes = new File(lib, 'inline-payments/apistage.yaml').bytes
  }
}
return ExampleCopy
