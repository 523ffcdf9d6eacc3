// The policy is written here, the Stripe-like key put together from parts, so that the repository
// holds no complete token for secret scanners to report; the key is made up.
def key = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc'
new File(basedir, 'policies').mkdirs()
new File(basedir, 'policies/partner-auth.yaml').text = """kind: Policy
name: partner-auth
type: headers
config:
  headers:
    Authorization: "Bearer ${key}"
  sandboxKey: Zq8Lm2Nx4Vb6Tc0Rw3Ys5Ua7
  tokenName: X-Partner-Key
"""
return true
