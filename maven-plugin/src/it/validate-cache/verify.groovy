// The first validate parses every file and writes the cache; the second meets all four asset files
// unchanged, parses none and prints the same problems; with -Dapistage.cache=false the cache is not
// used and the problems are the same again. The cache file is in its default place, with no
// temporary file left beside it. (The shop fixture names a plan gold that has no file: two errors,
// so every run fails the same way.)
def lines = new File(basedir, 'build.log').text.readLines()
def cacheFile = new File(basedir, 'target/apistage/validate-cache/validate.cache')
def cacheLines = lines.findAll { it.startsWith('[INFO] validate cache: ') }
assert cacheLines == [
    "[INFO] validate cache: 0 files unchanged, 4 parsed and checked (${cacheFile.absolutePath})".toString(),
    "[INFO] validate cache: 4 files unchanged, 0 parsed and checked (${cacheFile.absolutePath})".toString(),
] : lines.join('\n')
def problems = lines.findAll { it ==~ /\[(ERROR|WARNING)\] [a-z]+\/.*/ && !it.contains('Could not validate') && !it.contains('Checksum') }
def once = [
    '[WARNING] apis/orders/notes.yaml:1:1: warning [layout] ignored: an Api file lives at apis/<api>/v<MAJOR>.yaml',
    "[ERROR] packages/shop.yaml:4:9: error [unknown-reference] plan 'gold' does not exist; expected plans/gold.yaml",
    "[ERROR] subscriptions/mobile-shop.yaml:5:7: error [unknown-reference] plan 'gold' does not exist; expected plans/gold.yaml",
]
assert problems == once + once + once : problems.join('\n')
assert lines.count('[ERROR] Failed to execute goal io.apistage:apistage-maven-plugin:0.1.0-SNAPSHOT:validate (default-cli) on project validate-cache: 3 problems in 3 files (2 errors, 1 warning) -> [Help 1]') == 3
assert cacheFile.isFile()
assert cacheFile.parentFile.list().toList() == ['validate.cache']
return true
