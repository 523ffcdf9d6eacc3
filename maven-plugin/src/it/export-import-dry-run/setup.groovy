// A small shop in Git, and a folder copy/ (ignored) with a stage and an older cors policy.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.write('stages/dev.yaml', 'kind: Stage\nname: dev\n')
repo.write('aliases/orders-backend.yaml', 'kind: Alias\nname: orders-backend\nvalue: http://localhost:9001\nstages: { dev: https://orders.dev }\n')
repo.write('policies/cors.yaml', 'kind: Policy\nname: cors\ntype: cors\n')
repo.write('apis/orders/v1.yaml', '''kind: Api
name: orders
version: 1.0.0
state: published
baseUrl: ${alias:orders-backend}
policies: [cors]
endpoints:
  - { name: getOrder, method: GET, path: /orders }
''')
repo.write('copy/stages/dev.yaml', 'kind: Stage\nname: dev\n')
repo.write('copy/policies/cors.yaml', 'kind: Policy\nname: cors\ntype: logging\n')
repo.commitAll("the shop", ['copy/'])
return true
