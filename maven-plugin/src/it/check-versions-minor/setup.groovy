// Builds the Git history of this case with the git CLI, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
def git = repo.&git
def write = repo.&write
new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
git "init", "-q", "-b", "main"
repo.copy('shop-1.4.2')
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
  - name: deleteOrder
    method: DELETE
    path: /orders/{id}
    parameters:
      - { name: id, type: string, required: true, location: path }
  - name: cancelOrder
    method: POST
    path: /orders/{id}/cancel
    parameters:
      - { name: id, type: string, required: true, location: path }
'''
git "add", "-A"
git "commit", "-q", "-m", "cancel"
return true
