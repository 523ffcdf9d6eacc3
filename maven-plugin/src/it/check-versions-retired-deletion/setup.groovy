// Builds the Git history of this case with the git CLI, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
def write = repo.&write
new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
git "init", "-q", "-b", "main"
write "apis/orders/v1.yaml", '''kind: Api
name: orders
version: 1.4.2
state: retired
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
write "apis/orders/v2.yaml", '''kind: Api
name: orders
version: 2.0.0
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
git "commit", "-q", "-m", "orders v1 retired"
git "checkout", "-q", "-b", "feature"
assert new File(basedir, "apis/orders/v1.yaml").delete()
git "add", "-A"
git "commit", "-q", "-m", "delete the retired v1"
return true
