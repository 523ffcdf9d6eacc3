// The Git repository of one integration test, built by its setup.groovy with the git CLI. Every
// commit has the same author, committer and date, so a case makes the same commits on every run;
// the user's and the system's Git configuration are kept out (HOME is the case's folder).
//
// (The file is not named ItRepo.groovy: Groovy would make a second class ItRepo of its script.)
// A setup.groovy loads it through the invoker's script variable itLib:
//   def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
//   def git = repo.&git
//   git 'init', '-q', '-b', 'main'
//
// This folder has no pom.xml, so the invoker does not take it for a case; its sub-folders are
// fixtures for copy().
class ItRepo {
  final File dir
  final File lib

  /** The repository in {@code dir}; {@code lib} is this folder, for {@link #copy}. */
  ItRepo(File dir, File lib = null) {
    this.dir = dir
    this.lib = lib
  }

  /**
   * Copies a fixture folder of this library (e.g. shop-1.4.2: orders 1.4.2 with GET and DELETE
   * /orders/{id}, used by application mobile-app and package shop, and subscription mobile-shop)
   * into the case's folder, or into its sub-folder {@code into}.
   */
  void copy(String fixture, String into = '') {
    def from = new File(lib, fixture)
    assert from.isDirectory() : "no fixture ${fixture} in ${lib}"
    from.eachFileRecurse(groovy.io.FileType.FILES) { file ->
      write((into ? into + '/' : '') + from.toPath().relativize(file.toPath()).toString(), file.text)
    }
  }

  /**
   * Makes the case's folder a repository on branch main whose first commit, {@code message}, holds
   * every file of the case but the invoker's own (its scripts, its log and target/) and the paths
   * in {@code alsoIgnored} (e.g. 'copy/', a folder the case keeps out of Git).
   */
  void commitAll(String message, List<String> alsoIgnored = []) {
    write('.gitignore', (['target/', 'build.log', '*.groovy', 'invoker.properties'] + alsoIgnored)
        .collect { it + '\n' }.join(''))
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '-m', message)
  }

  /** Runs git with these arguments in the case's folder; its trimmed output, or a failed assert. */
  String git(String... args) {
    git([:], args.toList())
  }

  String git(List args) {
    git([:], args)
  }

  /** The same with more environment variables, e.g. GIT_INDEX_FILE. */
  String git(Map env, List args) {
    def command = (['git'] + args).collect { it.toString() }
    def pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    pb.environment().putAll([
        GIT_AUTHOR_NAME: 'Ada Tester', GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada Tester', GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_AUTHOR_DATE: '2026-01-05T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z',
        GIT_CONFIG_NOSYSTEM: '1', HOME: dir.absolutePath] + env.collectEntries { k, v -> [k, v.toString()] })
    def p = pb.start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${command.join(' ')} failed: ${out}"
    out.trim()
  }

  /** Writes a file of the case, creating its folders. */
  void write(String path, String text) {
    def file = new File(dir, path)
    file.parentFile.mkdirs()
    file.text = text
  }

  /**
   * A commit holding the files of the folder {@code folder} as a promotion writes a stage's state,
   * with the trailer that marks apistage's own commits; the work tree and index are not touched.
   */
  String stageCommit(String folder, String stage) {
    def index = new File(dir, '.git/stage-index').absolutePath
    try {
      git([GIT_INDEX_FILE: index], ['--git-dir=.git', '--work-tree=' + folder, 'add', '-A', '--', ':/'])
      def tree = git([GIT_INDEX_FILE: index], ['write-tree'])
      git(['commit-tree', tree, '-m', "promotion first to ${stage}\n\nApistage-Stage: ${stage}"])
    } finally {
      new File(index).delete()
    }
  }

  /** The stage's state branch apistage/stage/<stage> made of the folder {@code folder}. */
  void stageBranch(String folder, String stage) {
    git(['update-ref', "refs/heads/apistage/stage/${stage}", stageCommit(folder, stage)])
  }
}
return ItRepo
