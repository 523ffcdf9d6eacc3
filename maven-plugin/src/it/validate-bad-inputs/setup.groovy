// a file far over the size limit, made here rather than committed
def big = new File(basedir, 'policies/huge.yaml')
big.withOutputStream { out ->
  def line = ('x' * 1023 + '\n').bytes
  for (int i = 0; i < 5 * 1024; i++) { out.write(line) }
}
return true
