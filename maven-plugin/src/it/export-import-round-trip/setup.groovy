// A small shop in Git, and a folder copy/ (ignored) with only a stage, to import into.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.write('stages/dev.yaml', 'kind: Stage\nname: dev\n')
repo.write('aliases/orders-backend.yaml', 'kind: Alias\nname: orders-backend\nvalue: http://localhost:9001\nstages: { dev: https://orders.dev }\n')
repo.write('policies/cors.yaml', 'kind: Policy\nname: cors\ntype: cors   # kept as written\n')
repo.write('apis/orders/v1.yaml', '''kind: Api
name: orders
version: 1.0.0
state: published
baseUrl: ${alias:orders-backend}
policies: [cors]
endpoints:
  - { name: getOrder, method: GET, path: /orders }
''')
repo.write('apis/pets/v1.yaml', 'kind: Api\nname: pets\nversion: 1.0.0\nstate: published\nbaseUrl: http://pets.local\n')
// the other repository has its own stages; the alias names dev
repo.write('copy/stages/dev.yaml', 'kind: Stage\nname: dev\n')
repo.commitAll("the shop", ['copy/'])
return true
