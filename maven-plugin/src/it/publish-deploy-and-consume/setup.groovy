// A copy of this checkout's sources (the parent pom, the schemas, the plugin without its tests),
// so that the deploy builds the plugin as a company's CI would, without touching this build.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path root = new File(itLib, '../../../..').canonicalFile.toPath()
Path copy = new File(basedir, 'apistage').toPath()
def copyTree = { String relative ->
  Path from = root.resolve(relative)
  Files.walk(from).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) }.forEach { file ->
      Path to = copy.resolve(root.relativize(file).toString())
      Files.createDirectories(to.parent)
      Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING)
    }
  }
}
['pom.xml', 'example-repo/pom.xml', 'schemas/pom.xml', 'schemas/src/main',
 'maven-plugin/pom.xml', 'maven-plugin/src/main'].each { copyTree(it) }
return true
