// Maven's own colour setting decides: -Dstyle.color=always colours + / ~ / - lines, -B stays plain
def lines = new File(basedir, 'build.log').text.readLines()
def esc = '\u001B['
def info = "[${esc}1;34mINFO${esc}m] ".toString()
['api/orders@1', 'policy/cors'].each { key ->
  assert lines.contains(info + "${esc}32m  + ${key}${esc}m".toString()) : "no green line for ${key}"
  assert lines.contains("[INFO]   + ${key}".toString()) : "no plain line for ${key}"
}
// the summary is not a plan line and stays uncoloured in both runs
assert lines.contains(info + 'Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged')
assert lines.contains('[INFO] Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged')
return true
