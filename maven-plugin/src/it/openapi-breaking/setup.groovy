// Builds the Git history of this case with the git CLI, with fixed dates and identity.
def repo = evaluate(new File(itLib, 'ItLib.groovy')).newInstance(basedir, new File(itLib))
def git = repo.&git
def write = repo.&write
new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
git "init", "-q", "-b", "main"
write "apis/payments/v1.yaml", '''kind: Api
name: payments
version: 1.0.0
state: published
baseUrl: http://payments.internal
openapi: openapi/payments-v1.yaml
'''
write "openapi/payments-v1.yaml", '''openapi: 3.0.3
info: { title: Payments, version: "1" }
paths:
  /payments/{paymentId}:
    get:
      operationId: getPayment
      parameters:
        - { name: paymentId, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: The payment
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Payment' }
components:
  schemas:
    Payment:
      type: object
      required: [id, status]
      properties:
        id: { type: string }
        status: { type: string, enum: [pending, paid] }
'''
write "applications/web-shop.yaml", '''kind: Application
name: web-shop
apis: [payments@1]
'''
git "add", "-A"
git "commit", "-q", "-m", "payments 1.0.0 from OpenAPI"
git "checkout", "-q", "-b", "feature"
write "openapi/payments-v1.yaml", new File(basedir, "openapi/payments-v1.yaml").text.replace("required: [id, status]", "required: [id]")
write "apis/payments/v1.yaml", new File(basedir, "apis/payments/v1.yaml").text.replace("1.0.0", "1.1.0")
git "add", "-A"
git "commit", "-q", "-m", "status may be absent"
return true
