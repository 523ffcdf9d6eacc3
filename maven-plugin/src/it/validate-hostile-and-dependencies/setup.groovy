// hostile files are made here rather than committed: an alias bomb and 10,000 levels of nesting
def bomb = new StringBuilder('kind: Policy\nname: bomb\ntype: x\nconfig:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n')
def previous = 'a'
('b'..'j').each { c ->
  bomb << "  ${c}: &${c} [" << (1..9).collect { "*${previous}" }.join(', ') << ']\n'
  previous = c
}
new File(basedir, 'policies/bomb.yaml').text = bomb.toString()
new File(basedir, 'policies/deep.yaml').text = 'kind: Policy\nname: deep\ntype: x\nconfig: ' + ('[' * 10000) + (']' * 10000) + '\n'
return true
