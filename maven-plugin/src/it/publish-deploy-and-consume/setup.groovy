// A copy of this checkout's sources (the parent pom, the schemas, the plugin without its tests),
// so that the deploy builds the plugin as a company's CI would, without touching this build.
def root = new File(itLib, '../../../..').canonicalFile
def copy = new File(basedir, 'apistage')
def ant = new AntBuilder()
ant.copy(todir: copy) {
  fileset(dir: root) {
    include(name: 'pom.xml')
    include(name: 'example-repo/pom.xml')
    include(name: 'schemas/pom.xml')
    include(name: 'schemas/src/main/**')
    include(name: 'maven-plugin/pom.xml')
    include(name: 'maven-plugin/src/main/**')
  }
}
return true
