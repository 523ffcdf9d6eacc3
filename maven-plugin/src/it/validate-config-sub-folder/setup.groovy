// the config root is a sub-folder of a Git work tree
evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir).git('init', '-q')
return true
