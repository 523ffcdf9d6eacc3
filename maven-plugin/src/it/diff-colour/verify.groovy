// Maven's own colour setting decides: -Dstyle.color=always colours + / ~ / - lines, -B stays plain
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def esc = '\u001B['
def info = "[${esc}1;34mINFO${esc}m] ".toString()
assert lines.contains(info + "${esc}32m  + api/orders@1${esc}m".toString())
assert lines.contains(info + "${esc}32m  + policy/cors${esc}m".toString())
assert lines.contains(info + 'Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged')
def plan = [
    '[INFO] Stage qa (no state yet: apistage/stage/qa does not exist, so everything is to create)',
    '[INFO]   + api/orders@1',
    '[INFO]   + policy/cors',
    '[INFO] Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged',
]
def start = lines.indexOf(plan[0])
assert start >= 0 : log
assert lines.subList(start, start + plan.size()) == plan
return true
