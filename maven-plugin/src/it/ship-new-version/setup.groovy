// main: the shop with orders 1.4.2 and the promotions dev -> qa -> prod; two pull-request branches
// that ship orders 1.5.0 (a new endpoint): orders-1.5-bump changes only the Api, orders-1.5 also
// edits both promotions' descriptions, which makes them pending again.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir)
def git = repo.&git
repo.commitAll("the shop")
def api = new File(basedir, "apis/orders/v1.yaml")
api.text = api.text.replace("version: 1.4.2", "version: 1.5.0") +
    "  - name: listOrders\n    method: GET\n    path: /orders\n"
git("checkout", "-q", "-b", "orders-1.5-bump")
git("commit", "-q", "-am", "orders 1.5.0: list orders")
git("checkout", "-q", "-b", "orders-1.5")
['qa', 'prod'].each { stage ->
  def promotion = new File(basedir, "promotions/orders-to-${stage}.yaml")
  promotion.text = promotion.text.replaceFirst(/description: .*/, "description: Orders 1.5.0 to ${stage}")
}
git("commit", "-q", "-am", "ship orders 1.5.0 to qa and prod")
git("checkout", "-q", "main")
return true
