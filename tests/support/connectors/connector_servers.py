#!/usr/bin/python3
"""Scripted company systems for the connector tests, each on a free 127.0.0.1 port.

  --kind lambda   A Lambda function URL running seed 004's handler (seed004_lambda.py, the
                  seed's code unchanged) with its boto3 DynamoDB client replaced by an
                  in-memory OrdersTable. The function's result becomes the HTTP answer as a
                  function URL makes it (payload format 2.0: a result with statusCode is the
                  status and body; any other result is 200 with the result as JSON); with
                  --raw the result itself is the answer (as Lambda's Invoke API returns it).
                  --sigv4 KEYID:SECRET makes it an AWS_IAM function URL: the request's
                  signature is checked by botocore's own SigV4 signer (403 when it differs).
  --kind orders   A shop's order API (GET /orders/{id}, GET /customers/{id}/orders,
                  POST /tickets, POST /orders/{id}/refunds once per Idempotency-Key,
                  POST /orders/{id}/cancel once per Idempotency-Key, see serve_cancel) with
                  failure shapes by order number: SLOW-1 (answers after
                  5 s), ERR-500, GARBAGE (not JSON), HUGE (a 2 MB answer), MOVED (302 to
                  another host). --token T requires Authorization: Bearer T.
                  --demo FILE serves the orders of Tierdesk's demo store (resources/demo/demo.json)
                  in the same shape, each naming its customer (cust_<key> and e-mail), dated as the
                  demo seeder dates them from --now (epoch ms); an order is found by its number, or
                  by its digits alone or after "#". A customer's orders fail the same way for the customer ids ERR-500, GARBAGE and SLOW-1.
                  Seed 002's CRM: POST /crm/tickets opens a ticket ({"ticket": {"id":
                  "CRM-1001", ...}}, numbered from 1001) from a JSON body; GET /crm/tickets lists
                  them; POST /_control/crm {"fail": N} answers the next N ticket calls with 503.
  --kind stripe   A stateful Stripe: POST /v1/refunds (payment_intent or charge, amount,
                  Idempotency-Key replayed with Idempotent-Replayed: true), its error object
                  (charge_already_refunded, an amount beyond what is left), refunds of
                  pi_pending_* staying pending, POST /v1/customers/{id}/balance_transactions.
                  --key sk_... is the secret key it accepts. POST /_control/fail-refund
                  {"refund", "url", "secret"} fails a pending refund and sends the signed
                  refund.failed event to url. POST /_control/hold {"count": N} holds the answers
                  to the next N refunds (made at Stripe all the same) until POST /_control/release;
                  GET /_control/held says how many answers are held now, GET /_control/refunds
                  every refund made. --paid REF=CENTS (again
                  and again) adds a payment that can be refunded; --pending REF makes its refunds
                  stay pending as pi_pending_* do.

Every server keeps what it received: GET /_requests answers them as JSON (method, path,
query, headers, body). Prints {"port": N} once it listens; stops when stdin closes. A line
"reset" on stdin puts the shop's orders back as they started (answered {"reset": true}).
"""
import argparse
import datetime
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import types
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
RECEIVED = []
LOCK = threading.Lock()


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


# ---- the Lambda: seed 004's handler over an in-memory DynamoDB -------------------------

ORDERS_TABLE = {
    "12345": {"orderId": {"S": "12345"}, "status": {"S": "Shipped"}, "deliveryDate": {"S": "2025-01-10"}},
    "ORD-10001": {"orderId": {"S": "ORD-10001"}, "status": {"S": "Delivered"}, "deliveryDate": {"S": "2025-01-03"}},
    # No deliveryDate: the handler's KeyError becomes its statusCode 500.
    "BROKEN-1": {"orderId": {"S": "BROKEN-1"}, "status": {"S": "Processing"}},
}


class InMemoryDynamoDB:
    def get_item(self, TableName, Key):
        assert TableName == "OrdersTable"
        item = ORDERS_TABLE.get(Key["orderId"]["S"])
        return {"Item": item} if item is not None else {}


def load_handler():
    fake = types.ModuleType("boto3")
    fake.client = lambda service: InMemoryDynamoDB()
    sys.modules["boto3"] = fake
    # The function's print() goes to its log (CloudWatch there, stderr here), not to stdout.
    scope = {"__name__": "seed004_lambda", "print": lambda *a, **k: print(*a, file=sys.stderr, **k)}
    with open(os.path.join(HERE, "seed004_lambda.py")) as f:
        exec(compile(f.read(), "seed004_lambda.py", "exec"), scope)
    return scope["lambda_handler"]


def sigv4_holds(handler, key_id, secret):
    """Signs the same request again with botocore and compares the Authorization header."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    import datetime as dt
    auth = handler.headers.get("Authorization", "")
    amz_date = handler.headers.get("X-Amz-Date", "")
    if not auth.startswith("AWS4-HMAC-SHA256 ") or not amz_date:
        return False
    scope = auth.split("Credential=")[1].split(",")[0].split("/")
    signed = auth.split("SignedHeaders=")[1].split(",")[0].split(";")
    headers = {name: handler.headers.get(name) for name in signed if name not in ("host", "x-amz-date")}
    url = "http://%s%s" % (handler.headers.get("Host"), handler.path)
    request = AWSRequest(method=handler.command, url=url, data=handler.body, headers=headers)
    fixed = dt.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")

    class Fixed(dt.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

    import botocore.auth
    original = botocore.auth.datetime.datetime
    botocore.auth.datetime.datetime = Fixed
    try:
        SigV4Auth(Credentials(key_id, secret), scope[3], scope[2]).add_auth(request)
    finally:
        botocore.auth.datetime.datetime = original
    return scope[0] == key_id and hmac.compare_digest(request.headers["Authorization"], auth)


def serve_lambda(handler, args, lambda_handler):
    if args.sigv4:
        key_id, _, secret = args.sigv4.partition(":")
        if not sigv4_holds(handler, key_id, secret):
            return handler.answer(403, {"Message": "Forbidden"})
    try:
        event = json.loads(handler.body)
    except ValueError:
        return handler.answer(400, {"Message": "The request body is not JSON"})
    result = lambda_handler(event, None)
    if args.raw or not isinstance(result, dict) or "statusCode" not in result:
        return handler.answer(200, result)
    body = result.get("body", "")
    handler.answer(result["statusCode"], body if isinstance(body, str) else json.dumps(body), "application/json")


# ---- the shop's order API ------------------------------------------------------------

SHOP = {
    "ORD-10005": {"number": "ORD-10005", "state": "delivered", "amounts": {"total": 79.0, "refunded": 0},
                  "currency": "USD", "customer": {"id": "cust_1", "email": "ann@example.com"},
                  "payment": {"reference": "pi_paid_7900"}, "placed": "2025-01-02T10:00:00Z",
                  "delivered": "2025-01-06T15:30:00Z", "shipping": {"carrier": "UPS", "tracking": "1Z999"},
                  "lines": [{"title": "Switchback Hiking Pants", "qty": 1, "unit": 43.0},
                            {"title": "Trail Socks", "qty": 3, "unit": 12.0}]},
    "ORD-10006": {"number": "ORD-10006", "state": "shipped", "amounts": {"total": 20.5, "refunded": 0},
                  "currency": "USD", "customer": {"id": "cust_2", "email": "bob@example.com"},
                  "payment": {"reference": "ch_paid_2050"}, "placed": "2025-01-04T09:00:00Z", "lines": []},
    "ORD-10009": {"number": "ORD-10009", "state": "processing", "amounts": {"total": 35.0, "refunded": 0},
                  "currency": "USD", "customer": {"id": "cust_5", "email": "eve@example.com"},
                  "placed": "2025-01-05T08:00:00Z", "lines": [{"title": "Camp Mug", "qty": 1, "unit": 35.0}]},
}


def demo_orders(path, now_ms):
    """The demo store's orders as the shop's API tells them: read from the fixture, not copied."""
    with open(path) as f:
        demo = json.load(f)
    emails = {c["key"]: c.get("email", "") for c in demo["customers"]}
    day = 24 * 3600 * 1000

    def at(days, sign):
        if days is None:
            return None
        ms = int(now_ms + sign * days * day)
        return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

    orders = {}
    for o in demo["orders"]:
        total = o["total"]
        orders[o["number"]] = {
            "number": o["number"], "state": o["status"],
            "amounts": {"total": total, "refunded": total if o["status"] == "refunded" else 0},
            "currency": "USD", "customer": {"id": "cust_" + o["customer"], "email": emails.get(o["customer"], "")},
            "placed": at(o.get("placedDaysAgo"), -1), "shipped": at(o.get("shippedDaysAgo"), -1),
            "estimatedDelivery": at(o.get("deliveryInDays"), 1), "delivered": at(o.get("deliveredDaysAgo"), -1),
            "shipping": {"carrier": o.get("carrier") or None, "tracking": o.get("tracking") or None},
            "lines": [{"title": i["name"], "qty": i["quantity"], "unit": i["price"]} for i in o["items"]]}
    return orders


def find_order(number):
    """By its number, or by its digits written as "#10011" or "10011" (as shops find theirs)."""
    if number in SHOP:
        return SHOP[number]
    digits = number[1:] if number.startswith("#") else number
    if digits.isdigit() and "ORD-" + digits in SHOP:
        return SHOP["ORD-" + digits]
    return None


CRM = {"tickets": [], "fail": 0}


def serve_crm(handler, parts):
    if parts == ["_control", "crm"]:
        with LOCK:
            CRM["fail"] = int(json.loads(handler.body or b"{}").get("fail", 0))
        return handler.answer(200, {"fail": CRM["fail"]})
    if handler.command == "GET":
        with LOCK:
            return handler.answer(200, {"tickets": CRM["tickets"]})
    with LOCK:
        failing = CRM["fail"] > 0
        CRM["fail"] = max(0, CRM["fail"] - 1)
    if failing:
        return handler.answer(503, {"error": "CRM is down for maintenance"})
    try:
        asked = json.loads(handler.body)
    except ValueError:
        return handler.answer(400, {"error": "the body is not JSON"})
    with LOCK:
        ticket = dict(asked, id="CRM-%d" % (1001 + len(CRM["tickets"])), status="open")
        CRM["tickets"].append(ticket)
    handler.answer(201, {"ticket": ticket})


def serve_customer_orders(handler, customer):
    if customer == "ERR-500":
        return handler.answer(500, {"error": "database on fire"})
    if customer == "GARBAGE":
        return handler.answer(200, "<html><body>Service Temporarily Unavailable</body></html>", "text/html")
    if customer == "SLOW-1":
        time.sleep(5)
    mine = [o for o in SHOP.values() if o["customer"]["id"] == customer]
    mine.sort(key=lambda o: o.get("placed") or "", reverse=True)  # newest first
    handler.answer(200, {"orders": mine})


CUSTOMERS = {}  # the company's own records of its customers, by id


def demo_customers(path):
    """The demo store's customers as the company's system keeps them: other figures than the demo
    store's (a tier up, the VIP flag turned, 1000 more lifetime value) and a Stripe customer id."""
    with open(path) as f:
        demo = json.load(f)
    up = {"BRONZE": "SILVER", "SILVER": "GOLD", "GOLD": "PLATINUM", "PLATINUM": "DIAMOND"}
    return {"cust_" + c["key"]: {"id": "cust_" + c["key"], "name": c["name"], "email": c.get("email"),
                                  "level": up.get(c.get("tier"), "SILVER"), "vip": not c.get("isVIP", False),
                                  "lifetime_value": round(c.get("lifetimeValue", 0) + 1000, 2),
                                  "stripe_id": "cus_" + c["key"]} for c in demo["customers"]}


def serve_customer(handler, customer_id):
    """GET /customers/{id or e-mail}: the company's record of one customer (404 when unknown), or a
    failure shape as the order routes have them. OTHER-1 and other@example.com answer another
    customer's record; ODD-1 a record with values Tierdesk refuses (a lifetime value that is text,
    an e-mail that is none)."""
    if customer_id == "ERR-500":
        return handler.answer(500, {"error": "database on fire"})
    if customer_id == "GARBAGE":
        return handler.answer(200, "<html><body>Service Temporarily Unavailable</body></html>", "text/html")
    if customer_id == "HUGE":
        return handler.answer(200, json.dumps({"id": "HUGE", "pad": "x" * (2 * 1024 * 1024)}))
    if customer_id == "MOVED":
        return handler.answer(302, "", "text/plain", {"Location": "http://crm.elsewhere.example/customers/MOVED"})
    if customer_id == "SLOW-1":
        time.sleep(5)
    if customer_id in ("OTHER-1", "other@example.com") and CUSTOMERS:
        return handler.answer(200, next(iter(CUSTOMERS.values())))
    if customer_id == "ODD-1":
        return handler.answer(200, {"id": "ODD-1", "name": "Odd Values", "email": "not-an-address", "level": "gold",
                                    "vip": True, "lifetime_value": "lots"})
    found = CUSTOMERS.get(customer_id) or next((c for c in CUSTOMERS.values() if c["email"] == customer_id), None)
    if found is None:
        return handler.answer(404, {"error": "customer not found"})
    handler.answer(200, found)


def serve_orders(handler, args):
    if args.token and handler.headers.get("Authorization") != "Bearer " + args.token:
        return handler.answer(401, {"error": "unauthorized"})
    path = urllib.parse.unquote(handler.path.split("?")[0])
    parts = path.strip("/").split("/")
    if parts in (["crm", "tickets"], ["_control", "crm"]):
        return serve_crm(handler, parts)
    if handler.command == "POST" and parts == ["tickets"]:
        return handler.answer(201, {"ticket": {"id": "TKT-2024-%06d" % len(RECEIVED), "status": "open"}})
    if handler.command == "POST" and len(parts) == 3 and parts[0] == "orders" and parts[2] == "refunds":
        return shop_refund(handler, parts[1])
    if parts[:2] == ["_control", "cancels"] or (handler.command == "POST" and len(parts) == 3
                                                and parts[0] == "orders" and parts[2] == "cancel"):
        return serve_cancel(handler, parts)
    if handler.command == "GET" and len(parts) == 3 and parts[0] == "customers" and parts[2] == "orders":
        return serve_customer_orders(handler, parts[1])
    if handler.command == "GET" and len(parts) == 2 and parts[0] == "customers":
        return serve_customer(handler, parts[1])
    if handler.command != "GET" or len(parts) != 2 or parts[0] != "orders":
        return handler.answer(404, {"error": "no route"})
    number = parts[1]
    if number == "SLOW-1":
        time.sleep(5)
        return handler.answer(200, SHOP["ORD-10005"])
    if number == "ERR-500":
        return handler.answer(500, {"error": "database on fire"})
    if number == "GARBAGE":
        return handler.answer(200, "<html><body>Service Temporarily Unavailable</body></html>", "text/html")
    if number == "HUGE":
        return handler.answer(200, json.dumps({"number": "HUGE", "pad": "x" * (2 * 1024 * 1024)}))
    if number == "MOVED":
        return handler.answer(302, "", "text/plain", {"Location": "http://orders.elsewhere.example/orders/MOVED"})
    order = find_order(number)
    if order is None:
        return handler.answer(404, {"error": "order not found"})
    handler.answer(200, order)


SHOP_REFUNDS = {}  # Idempotency-Key -> the refund made for it


def shop_refund(handler, number):
    """POST /orders/{id}/refunds: one refund per Idempotency-Key, a repeated key answered the same."""
    key = handler.headers.get("Idempotency-Key")
    with LOCK:
        if key not in SHOP_REFUNDS:
            ask = json.loads(handler.body or b"{}")
            SHOP_REFUNDS[key] = {"id": "rf_%d" % (len(SHOP_REFUNDS) + 1), "order": number,
                                 "amount": ask.get("amount"), "status": "done"}
        refund = SHOP_REFUNDS[key]
    return handler.answer(201, {"refund": refund})


CANCELS = {"by_key": {}, "made": [], "fail": 0, "held": 0, "release": threading.Event()}


def serve_cancel(handler, parts):
    """POST /orders/{id}/cancel: once per Idempotency-Key (a repeated key answered the same), the
    order's state "cancelled" when it was pending or processing, else 409. GET /_control/cancels
    lists the cancellations made; POST /_control/cancels {"fail": N} answers the next N with 503,
    {"hold": N} makes the next N (made all the same) wait for POST /_control/cancels/release."""
    if parts[0] == "_control":
        if parts[2:] == ["release"]:
            CANCELS["release"].set()
            return handler.answer(200, {"released": True})
        if handler.command == "GET":
            with LOCK:
                return handler.answer(200, {"cancels": CANCELS["made"]})
        asked = json.loads(handler.body or b"{}")
        with LOCK:
            CANCELS["fail"] = int(asked.get("fail", 0))
            CANCELS["held"] = int(asked.get("hold", 0))
            CANCELS["release"].clear()
        return handler.answer(200, {"fail": CANCELS["fail"], "hold": CANCELS["held"]})
    key = handler.headers.get("Idempotency-Key") or ""
    with LOCK:
        failing = CANCELS["fail"] > 0
        CANCELS["fail"] = max(0, CANCELS["fail"] - 1)
        if failing:
            return handler.answer(503, {"error": "order system is busy"})
        if key not in CANCELS["by_key"]:
            order = find_order(parts[1])
            if order is None:
                answer = (404, {"error": "order not found"})
            elif order["state"] not in ("pending", "processing"):
                answer = (409, {"error": "order is %s and cannot be cancelled" % order["state"]})
            else:
                order["state"] = "cancelled"
                CANCELS["made"].append({"order": order["number"], "key": key})
                answer = (200, order)
            CANCELS["by_key"][key] = answer
        status, body = CANCELS["by_key"][key]
        holding = CANCELS["held"] > 0
        CANCELS["held"] = max(0, CANCELS["held"] - 1)
    if holding:
        CANCELS["release"].wait(30)
    handler.answer(status, body)


# ---- Stripe ----------------------------------------------------------------------------

class Stripe:
    def __init__(self):
        self.paid = {"pi_paid_7900": 7900, "ch_paid_2050": 2050, "pi_pending_5000": 5000}
        self.refunded = {}
        self.refunds = {}
        self.idempotent = {}
        self.balances = {"cus_ann": 0}
        self.lock = threading.Lock()
        self.pending = set()  # payments whose refunds stay pending
        self.hold = 0  # the next refunds' answers to hold
        self.held = 0  # answers held right now
        self.released = threading.Event()

    @staticmethod
    def error(status, message, type_="invalid_request_error", code=None, param=None):
        e = {"type": type_, "message": message}
        if code:
            e["code"] = code
        if param:
            e["param"] = param
        return status, {"error": e}

    def refund(self, form):
        reference = form.get("payment_intent") or form.get("charge")
        if not reference or reference not in self.paid:
            return self.error(404, "No such payment: '%s'" % reference, code="resource_missing",
                              param="payment_intent" if "payment_intent" in form else "charge")
        left = self.paid[reference] - self.refunded.get(reference, 0)
        amount = int(form.get("amount", left))
        if left <= 0:
            return self.error(400, "Charge %s has already been refunded." % reference, code="charge_already_refunded")
        if amount > left:
            return self.error(400, "Refund amount ($%.2f) is greater than unrefunded amount on charge ($%.2f)"
                              % (amount / 100, left / 100), param="amount")
        self.refunded[reference] = self.refunded.get(reference, 0) + amount
        refund = {"id": "re_%d" % (len(self.refunds) + 1), "object": "refund", "amount": amount,
                  "currency": "usd", "status": "pending" if reference.startswith("pi_pending") or reference in self.pending else "succeeded",
                  "reason": form.get("reason"), "created": int(time.time()),
                  "payment_intent": form.get("payment_intent"), "charge": form.get("charge"),
                  "metadata": {k[9:-1]: v for k, v in form.items() if k.startswith("metadata[")}}
        self.refunds[refund["id"]] = refund
        return 200, refund

    def credit(self, customer, form):
        if customer not in self.balances:
            return self.error(404, "No such customer: '%s'" % customer, code="resource_missing", param="id")
        amount = int(form["amount"])
        self.balances[customer] += amount
        return 200, {"id": "cbtxn_%d" % len(RECEIVED), "object": "customer_balance_transaction", "amount": amount,
                     "currency": form.get("currency"), "customer": customer, "type": "adjustment",
                     "ending_balance": self.balances[customer],
                     "metadata": {k[9:-1]: v for k, v in form.items() if k.startswith("metadata[")}}

    def fail_refund(self, ask):
        refund = self.refunds[ask["refund"]]
        refund["status"] = "failed"
        refund["failure_reason"] = "expired_or_canceled_card"
        event = json.dumps({"id": "evt_%s" % refund["id"], "object": "event", "type": "refund.failed",
                            "created": int(time.time()), "data": {"object": refund}}).encode()
        t = str(int(time.time()))
        signature = hmac.new(ask["secret"].encode(), (t + ".").encode() + event, hashlib.sha256).hexdigest()
        request = urllib.request.Request(ask["url"], data=event, method="POST", headers={
            "Content-Type": "application/json", "Stripe-Signature": "t=%s,v1=%s" % (t, signature)})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return 200, {"delivered": answer.status}


def stripe_control(handler, stripe, path):
    if path == "/_control/fail-refund":
        return handler.answer(*stripe.fail_refund(json.loads(handler.body)))
    with stripe.lock:
        if path == "/_control/refunds":  # every refund Stripe made, as it keeps them
            return handler.answer(200, {"refunds": list(stripe.refunds.values())})
        if path == "/_control/hold":
            stripe.hold = int(json.loads(handler.body).get("count", 1))
            stripe.released.clear()
        elif path == "/_control/release":
            stripe.hold = 0
            stripe.released.set()
        return handler.answer(200, {"hold": stripe.hold, "held": stripe.held})


def held_answer(handler, stripe, status, answer):
    """The refund is made; its answer waits until the test releases it (the client may be gone)."""
    with stripe.lock:
        stripe.held += 1
    stripe.released.wait(60)
    with stripe.lock:
        stripe.held -= 1
    handler.answer(status, answer)


def serve_stripe(handler, args, stripe):
    path = handler.path.split("?")[0]
    if path.startswith("/_control/"):
        return stripe_control(handler, stripe, path)
    if handler.headers.get("Authorization") != "Bearer " + args.key:
        return handler.answer(*Stripe.error(401, "Invalid API Key provided: ****"))
    form = dict(urllib.parse.parse_qsl(handler.body.decode(), keep_blank_values=True))
    key = handler.headers.get("Idempotency-Key")
    with stripe.lock:
        if key and key in stripe.idempotent:
            seen_body, status, answer = stripe.idempotent[key]
            if seen_body != handler.body:
                return handler.answer(*Stripe.error(400, "Keys for idempotent requests can only be used with the "
                                                         "same parameters they were first used with.",
                                                    type_="idempotency_error"))
            return handler.answer(status, answer, extra={"Idempotent-Replayed": "true"})
        parts = path.strip("/").split("/")
        hold = False
        if handler.command == "POST" and path == "/v1/refunds":
            status, answer = stripe.refund(form)
            hold = stripe.hold > 0
            stripe.hold -= 1 if hold else 0
        elif handler.command == "POST" and len(parts) == 4 and parts[:2] == ["v1", "customers"] \
                and parts[3] == "balance_transactions":
            status, answer = stripe.credit(urllib.parse.unquote(parts[2]), form)
        else:
            status, answer = Stripe.error(404, "Unrecognized request URL (%s: %s)." % (handler.command, path))
        if key:
            stripe.idempotent[key] = (handler.body, status, answer)
    if hold:
        return held_answer(handler, stripe, status, answer)
    handler.answer(status, answer)


# ---- the server ------------------------------------------------------------------------

def make_handler(args):
    lambda_handler = load_handler() if args.kind == "lambda" else None
    stripe = Stripe()
    stripe.pending = set(args.pending or [])
    for paid in args.paid or []:
        reference, cents = paid.split("=")
        stripe.paid[reference] = int(cents)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *unused):
            pass

        def answer(self, status, body, content_type="application/json", extra=None):
            data = body if isinstance(body, (bytes, bytearray)) else \
                (body.encode() if isinstance(body, str) else json.dumps(body).encode())
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self):
            self.body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
            if self.path == "/_requests":
                with LOCK:
                    return self.answer(200, RECEIVED)
            with LOCK:
                RECEIVED.append({"method": self.command, "path": self.path.split("?")[0],
                                 "query": dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)),
                                 "headers": {k.lower(): v for k, v in self.headers.items()},
                                 "body": self.body.decode(errors="replace")})
            if args.kind == "lambda":
                serve_lambda(self, args, lambda_handler)
            elif args.kind == "orders":
                serve_orders(self, args)
            else:
                serve_stripe(self, args, stripe)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)  # a client that hung up is no news


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind", choices=["lambda", "orders", "stripe"], required=True)
    parser.add_argument("--paid", action="append")  # stripe: REF=CENTS, a payment that can be refunded
    parser.add_argument("--pending", action="append")  # stripe: a payment whose refunds stay pending
    parser.add_argument("--raw", action="store_true")
    parser.add_argument("--sigv4")
    parser.add_argument("--token")
    parser.add_argument("--key", default="sk_test_tierdesk")
    parser.add_argument("--demo")
    parser.add_argument("--now", type=int, default=0)
    args = parser.parse_args()
    if args.demo:
        SHOP.clear()
        SHOP.update(demo_orders(args.demo, args.now or int(time.time() * 1000)))
        CUSTOMERS.update(demo_customers(args.demo))
    server = QuietServer(("127.0.0.1", 0), make_handler(args))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    emit({"port": server.server_address[1]})
    for line in sys.stdin:  # stops when the test closes our stdin (or dies)
        if line.strip() == "reset":  # the shop as it started: its orders, no cancellations
            with LOCK:
                if args.demo:
                    SHOP.clear()
                    SHOP.update(demo_orders(args.demo, args.now or int(time.time() * 1000)))
                CANCELS["by_key"].clear()
                CANCELS["made"].clear()
            emit({"reset": True})
    server.shutdown()


if __name__ == "__main__":
    main()
