// a secret in any field is found by its format, an alias named like a password by its name; a value
// accepted in apistage.yaml passes; no message repeats a secret
def log = new File(basedir, 'build.log').text
def advice = 'secrets never go in Git: write ${secret:NAME} and provide APISTAGE_SECRET_NAME, or if it is no secret, accept it in apistage.yaml under secrets.allow with file, pointer and reason'
def expected = [
  "aliases/db-password.yaml:3:8: error [literal-secret] alias 'db-password' holds a literal value; " + advice,
  "policies/partner-auth.yaml:6:20: error [literal-secret] /config/headers/Authorization holds a Stripe secret key; " + advice,
]
def printed = log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains(': error [') }
    .collect { it.substring('[ERROR] '.length()) }
assert printed == expected : "printed problems differ:\n" + printed.join('\n')
assert log.contains('2 problems in 2 files (2 errors, 0 warnings)')
['hunter2', '4eC39HqLyjWDarjtT1zdp7dc', 'Zq8Lm2Nx4Vb6Tc0Rw3Ys5Ua7'].each { assert !log.contains(it) }
def sarif = new File(basedir, 'target/apistage/validate.json').text
['hunter2', '4eC39HqLyjWDarjtT1zdp7dc'].each { assert !sarif.contains(it) }
return true
