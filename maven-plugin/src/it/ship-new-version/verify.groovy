import groovy.json.JsonSlurper

// The README's walkthrough, run for real: every line it quotes is asserted here.
def log = new File(basedir, 'build.log').text.readLines()
def expect = { String line -> assert log.contains(line) : "missing line: " + line }
def runs = { String header -> log.findIndexValues { it == header }.collect { it as int } }

// 1. the first promote on main: the plan of each stage in diff's words and numbers
expect('[INFO] Stage qa: what the promotions changed')
expect('[INFO] Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged')
expect('[INFO] promote: 3 applied, 0 skipped, 0 failed')

// 2. the pull request that only bumps the Api: check shows what merging does, and why qa and
//    prod would stay behind
expect('[INFO] track-main -> dev: success (dry run, not written)')
expect('[INFO] Stage dev: what the promotions would change (dry run)')
expect('[INFO]       ~ /version: "1.4.2" -> "1.5.0"')
expect('[INFO]       + /endpoints/1 (endpoints[GET /orders]): {name: "listOrders", method: "GET", path: "/orders"}')
expect('[INFO] orders-to-qa -> qa: skipped: already applied to qa with this content; edit promotions/orders-to-qa.yaml or pass -Dapistage.repromote=true to apply it again')
expect('[INFO] Behind main after this run:')
expect('[INFO]   qa: api/orders@1 1.4.2 → 1.5.0 not applied; promotion orders-to-qa was applied to qa with this content before dev had it: change promotions/orders-to-qa.yaml or promote with -Dapistage.repromote=true')
expect('[INFO]   prod: api/orders@1 1.4.2 → 1.5.0 not applied; promotion orders-to-prod brings it from qa, which has 1.4.2: qa gets it first')
expect('[INFO] validate: 8 files valid, 8 assets; check-versions: 1 Api file changed since merge-base(HEAD, main) (' +
    "git rev-parse --short=10 orders-1.5-bump~1".execute(null, basedir).text.trim() +
    '): every version step matches its changes; diff: 3 stages compared (dev: 0 to create, 1 to update, 0 to delete, 1 unchanged; qa: 0 to create, 1 to update, 0 to delete, 1 unchanged; prod: 0 to create, 1 to update, 0 to delete, 1 unchanged); promote: promote (dry run): 1 would be applied, 2 skipped, 0 failed')

// 3. the pull request that also edits both promotions: merging brings 1.5.0 to every stage
expect('[INFO] orders-to-prod -> prod: success (dry run, not written)')
expect('[INFO] Plan for prod: 0 to create, 1 to update, 0 to delete, 1 unchanged')
assert log.any { it.endsWith('promote: promote (dry run): 3 would be applied, 0 skipped, 0 failed') }

// 4. merged and promoted: the same change, the same numbers as the check showed
expect('[INFO] Stage prod: what the promotions changed')
expect('[INFO]   Replaced api/orders@1: replaced on prod (2 field changes)')
expect('[INFO] promote: 3 applied, 0 skipped, 0 failed')
assert log.count('[INFO] Plan for prod: 0 to create, 1 to update, 0 to delete, 1 unchanged') == 4 // diff and plan, twice

// 5. diff after the promote: nothing left. The fast-forward merge checked out the commit the
// second pull request's check ran at, so the reports of that check, of promote and of diff all
// describe it and stay side by side (the first pull request's were removed by the second check)
expect('[INFO] Plan for prod: 0 to create, 0 to update, 0 to delete, 2 unchanged')
def reports = new File(basedir, 'target/apistage')
assert reports.listFiles().findAll { it.isFile() && !it.name.startsWith('.') }*.name.sort() ==
    ['TEST-apistage-check.xml', 'TEST-apistage-diff.xml', 'check-versions.json', 'check.json',
     'check.md', 'check.sarif', 'diff.json', 'diff.md', 'diff.sarif', 'promote.json', 'validate.json']
assert new File(reports, '.apistage-reports').readLines()[0] ==
    'commit ' + 'git rev-parse HEAD'.execute(null, basedir).text.trim()
def diff = new JsonSlurper().parse(new File(reports, 'diff.json'))
assert diff.behind == []
def md = new File(reports, 'diff.md').text
assert md.startsWith('## ✅ apistage diff passed\n\n3 stages compared (dev: no changes; qa: no changes; prod: no changes)\n\n')
assert md.contains('- Stage prod: 0 to create, 0 to update, 0 to delete, 2 unchanged: no changes\n')
return true
