// The project is its own Git work tree, so report paths are relative to it.
evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir).git('init', '-q', '-b', 'main')
return true
