// Builds the Git history of this case with the git CLI, with fixed dates and identity.
def env = [
    "GIT_AUTHOR_NAME=Ada Tester", "GIT_AUTHOR_EMAIL=ada@example.com",
    "GIT_COMMITTER_NAME=Ada Tester", "GIT_COMMITTER_EMAIL=ada@example.com",
    "GIT_AUTHOR_DATE=2026-01-05T09:00:00Z", "GIT_COMMITTER_DATE=2026-01-05T09:00:00Z",
    "GIT_CONFIG_NOSYSTEM=1", "HOME=" + basedir, "PATH=" + System.getenv("PATH")]
def git = { String... args ->
  def p = (["git"] + args.toList()).execute(env, basedir)
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "git ${args.join(' ')} failed: ${err}"
}
def write = { String path, String text ->
  def f = new File(basedir, path)
  f.parentFile.mkdirs()
  f.text = text
}
new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
git "init", "-q", "-b", "main"
write "apis/orders/v1.yaml", '''kind: Api
name: orders
version: 1.4.2
state: published
description: Orders of the web shop
baseUrl: http://orders.internal
endpoints:
  - name: getOrder
    method: GET
    path: /orders/{id}
    parameters:
      - { name: id, type: string, required: true, location: path }
    responses:
      "200": { description: The order }
  - name: deleteOrder
    method: DELETE
    path: /orders/{id}
    parameters:
      - { name: id, type: string, required: true, location: path }
'''
write "applications/mobile-app.yaml", '''kind: Application
name: mobile-app
apis: [orders@1]
'''
write "packages/shop.yaml", '''kind: Package
name: shop
apis: [orders@1]
plans: [gold]
'''
write "subscriptions/mobile-shop.yaml", '''kind: Subscription
name: mobile-shop
application: mobile-app
package: shop
plan: gold
'''
git "add", "-A"
git "commit", "-q", "-m", "orders 1.4.2"
git "checkout", "-q", "-b", "feature"
write "apis/orders/v1.yaml", '''kind: Api
name: orders
version: 1.5.0
state: published
description: Orders of the web shop
baseUrl: http://orders.internal
endpoints:
  - name: getOrder
    method: GET
    path: /orders/{id}
    parameters:
      - { name: id, type: string, required: true, location: path }
    responses:
      "200": { description: The order }
'''
git "add", "-A"
git "commit", "-q", "-m", "drop delete"
return true
