#!/usr/bin/env bash
# Renders the console's queue, conversation, customers, knowledge base, analytics, live desk, configuration and
# settings views with demo data under Xvfb into docs/screenshots/ (queue.png, queue-snoozed.png, conversation.png,
# knowledge.png, analytics.png, supervisor.png, config.png, config-hours.png, config-ai.png, settings.png,
# config-trial.png, settings-tokens.png, settings-canned.png, settings-notifications.png, settings-ai.png, connectors.png, conversation-ai.png,
# settings-signin.png, mfa-setup.png, login-mfa.png (the login dialog asking for the second factor's code),
# customers.png, new-company.png). A stand-in
# OpenAI-compatible model server on loopback (python3) is registered as the company's provider. Not run in CI. The web chat page's chat-page.png comes from its browser test:
#   (cd tests/e2e && npm ci && TIERDESK_CHAT_SCREENSHOT=$PWD/../../docs/screenshots/chat-page.png node --test chatpage.test.mjs)
# The console on a call (call.png; call-de.png with LANGUAGE=de LANG=de_DE.UTF-8) comes from its test, which
# makes the call with its own PulseAudio daemon:
#   env -u QT_QPA_PLATFORM TIERDESK_CALL_SCREENSHOT=$PWD/docs/screenshots/call.png \
#     xvfb-run -a -s "-screen 0 1280x800x24" build/tests/ui/tst_consolecall anAgentAcceptsAndTheCallerHearsThem
# Settings › Company (settings-company.png and settings-company-de.png) comes from its test:
#   env -u QT_QPA_PLATFORM TIERDESK_COMPANY_SCREENSHOTS=$PWD/docs/screenshots \
#     xvfb-run -a -s "-screen 0 1280x800x24" build/tests/ui/tst_companysettings screenshots
# Knowledge base › Sources (knowledge-sources.png and knowledge-sources-de.png: a website synced from the tests'
# scripted help center, with a page that failed) comes from its test:
#   env -u QT_QPA_PLATFORM TIERDESK_KB_SCREENSHOTS=$PWD/docs/screenshots \
#     xvfb-run -a -s "-screen 0 1280x800x24" build/tests/ui/tst_knowledgesources screenshots
# SCREENSHOT_LANG=de shoots the console in that language (LANGUAGE/LANG) as queue-de.png etc.;
# SCREENSHOT_OUT=DIR writes them elsewhere than docs/screenshots.
# Needs: a built tree (default: build/), xvfb-run and ImageMagick's import.
# Usage: [SCREENSHOT_LANG=de] scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
bin=$build/app/tierdesk
driver=$build/tests/ui/tierdesk_screenshot_driver
out=${SCREENSHOT_OUT:-$root/docs/screenshots}
lang=${SCREENSHOT_LANG:-}
for tool in xvfb-run import curl python3; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
[ -x "$bin" ] && [ -x "$driver" ] || { echo "screenshots: build tierdesk and tierdesk_screenshot_driver first" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
model_pid=
shop_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -n "$model_pid" ] && kill "$model_pid" 2>/dev/null
  [ -n "$shop_pid" ] && kill "$shop_pid" 2>/dev/null
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
# A private home: no keyring prompt, secrets in 0600 files under $work.
export HOME=$work/home XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
unset DBUS_SESSION_BUS_ADDRESS QT_QPA_PLATFORM
mkdir -p "$HOME" "$out"
data=$work/data

# 3,000 generated sessions over the last 30 days give the analytics page something to show.
company=$("$bin" --data-dir "$data" demo seed --sessions 3000 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["companyId"])')
email=sam.rivera@northwind.example
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s' "$password" | "$bin" --data-dir "$data" agent create --company "$company" --email "$email" \
  --name "Sam Rivera" --role supervisor --queues orders,inquiries,complaints --password-stdin >/dev/null 2>&1
# A colleague who will hold a session on the live desk.
printf '%s' "$password" | "$bin" --data-dir "$data" agent create --company "$company" --email priya.shah@northwind.example \
  --name "Priya Shah" --role agent --queues orders,inquiries --password-stdin >/dev/null 2>&1 || true
# An admin, for the configuration page.
printf '%s' "$password" | "$bin" --data-dir "$data" agent create --company "$company" --email noor.haddad@northwind.example \
  --name "Noor Haddad" --role admin --password-stdin >/dev/null 2>&1 || true
# More colleagues for the Settings page's agent list (Lena is deactivated below).
for who in "tom.becker Tom Becker supervisor orders" "lena.vogel Lena Vogel agent inquiries"; do
  set -- $who
  printf '%s' "$password" | "$bin" --data-dir "$data" agent create --company "$company" --email "$1@northwind.example" \
    --name "$2 $3" --role "$4" --queues "$5" --password-stdin >/dev/null 2>&1 || true
done

"$bin" --data-dir "$data" serve --port 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q ' serving http' "$work/serve.log" && break; sleep 0.1; done
url=$(sed -n 's/.* serving \(http[^ ]*\)\/api\/cs.*/\1/p' "$work/serve.log" | head -1)
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }

api() { # METHOD PATH TOKEN [JSON]
  curl -fsS -X "$1" "$url$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+--data "$4"}
}
customer_says() { # CUSTOMER SESSION TEXT
  api POST "/api/cs/sessions/$2/messages" "$(token "$1")" "{\"message\":\"$3\"}" >/dev/null || true
}
token() { "$bin" --data-dir "$data" token create --company "$company" --role client --customer "$1" 2>/dev/null; }
escalate() { # CUSTOMER REASON FIRST-MESSAGE [MORE...]
  local who=$1 reason=$2 first=$3; shift 3
  local t id
  t=$(token "$who")
  id=$(api POST /api/cs/sessions "$t" "{\"companyId\":\"$company\",\"customerId\":\"$who\",\"channel\":\"chat\",\"initialMessage\":\"$first\"}" \
       | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for line in "$@"; do customer_says "$who" "$id" "$line"; done
  api POST "/api/cs/sessions/$id/escalate" "$t" "{\"reason\":\"$reason\",\"targetTier\":\"HUMAN_AGENT\"}" >/dev/null || true
  echo "$id"
}

featured=$(escalate cust_alice IRATE_CUSTOMER "Where is my order ORD-10001? It was due last week." \
  "I have asked twice already and nobody tells me anything useful." \
  "This is ridiculous. I want a refund or I will post about this everywhere.")
kettle=$(escalate cust_ben REFUND_REQUEST "My kettle arrived with a cracked lid, I would like a refund please.")
escalate cust_chloe HIGH_VALUE_CUSTOMER "Can you change the delivery address of my order ORD-10005?" >/dev/null
escalate cust_daniel LEGAL_MENTION "I was charged twice. If this is not fixed I will talk to my lawyer." >/dev/null
escalate cust_emma CUSTOMER_REQUEST "Please let me talk to a person about my subscription." >/dev/null
escalate cust_farid COMPLEX_ISSUE "The app crashes every time I open my order history." >/dev/null

# A person's note and reply on the featured conversation, where the desk routes exist.
agent_token=$(curl -fsS "$url/api/cs/auth/login" -H 'Content-Type: application/json' \
  --data "{\"email\":\"$email\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
api POST "/api/cs/sessions/$featured/claim" "$agent_token" '{}' >/dev/null 2>&1 || true
api POST "/api/cs/sessions/$featured/agent-messages" "$agent_token" \
  '{"content":"VIP, second contact this week. Carrier shows the parcel stuck in Leeds.","internal":true}' >/dev/null 2>&1 || true
api POST "/api/cs/sessions/$featured/agent-messages" "$agent_token" \
  '{"content":"Hi Alice, I am Sam and I am on it. Your parcel is held at the Leeds depot; I have asked the carrier to send it today.","force":true}' >/dev/null 2>&1 || true
customer_says cust_alice "$featured" "OK. Thank you, that is the first real answer I got."

# A colleague holding a session, for the supervisor's live desk.
priya_token=$(curl -fsS "$url/api/cs/auth/login" -H 'Content-Type: application/json' \
  --data "{\"email\":\"priya.shah@northwind.example\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') || true
[ -n "$priya_token" ] && api POST "/api/cs/sessions/$kettle/claim" "$priya_token" '{}' >/dev/null 2>&1 || true

admin_token=$(curl -fsS "$url/api/cs/auth/login" -H 'Content-Type: application/json' \
  --data "{\"email\":\"noor.haddad@northwind.example\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') || true
# One change already made, for the configuration page's history.
[ -n "$admin_token" ] && api PUT /api/cs/config "$admin_token" \
  "{\"companyId\":\"$company\",\"tiers\":{\"humanAgent\":{\"escalationPhone\":\"+1 555 0100\"}}}" >/dev/null || true
# Business hours for the queue and the live desk ("Open until 18:00"), and a snoozed conversation.
[ -n "$admin_token" ] && api PUT /api/cs/config "$admin_token" \
  "{\"companyId\":\"$company\",\"desk\":{\"businessHours\":{\"timeZone\":\"Europe/Berlin\",\"weekly\":{\"mon\":[[\"08:00\",\"18:00\"]],\"tue\":[[\"08:00\",\"18:00\"]],\"wed\":[[\"08:00\",\"18:00\"]],\"thu\":[[\"08:00\",\"18:00\"]],\"fri\":[[\"08:00\",\"18:00\"]]}}}}" >/dev/null || true
snoozed=$(escalate cust_grace CUSTOMER_REQUEST "Please call me back tomorrow about my order.")
api POST "/api/cs/sessions/$snoozed/snooze" "$agent_token" \
  "{\"until\":\"$(date -u -d 'tomorrow 09:00' +%Y-%m-%dT%H:%M:%S.000Z)\"}" >/dev/null 2>&1 || true
# The Settings page: a deactivated colleague and an API token in use.
lena=$(api GET "/api/cs/agents?companyId=$company" "$admin_token" \
  | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin)["agents"] if a["name"]=="Lena Vogel"][0])')
api PATCH "/api/cs/agents/$lena" "$admin_token" '{"active":false}' >/dev/null || true
api POST /api/cs/tokens "$admin_token" '{"name":"CRM sync","role":"supervisor","ttlSeconds":7776000}' >/dev/null || true
# Canned responses the team keeps (Settings > Canned responses; "/" in the reply box).
api POST "/api/cs/canned-responses?companyId=$company" "$admin_token" \
  '{"shortcut":"refund-status","title":"Refund on its way","content":"Hello {{customer.firstName}}, the refund for {{order.id}} is on its way: it shows on your statement within 5 business days. {{agent.name}}"}' >/dev/null || true
api POST "/api/cs/canned-responses?companyId=$company" "$admin_token" \
  '{"shortcut":"tracking","title":"Where the parcel is","content":"Hello {{customer.firstName}}, I have checked {{order.id}} with the carrier for you."}' >/dev/null || true
api POST "/api/cs/canned-responses?companyId=$company" "$admin_token" \
  '{"shortcut":"thanks","title":"Thanks and goodbye","content":"Thank you for your patience, {{customer.firstName}}. Have a good day! {{company.name}}"}' >/dev/null || true

# The customers page: one customer with a phone number and attributes from the company's own systems.
api PUT "/api/cs/customers/cust_alice?companyId=$company" "$admin_token" \
  '{"name":"Alice Moreno","email":"alice.moreno@example.com","phone":"+44 113 496 0271","tier":"GOLD","lifetimeValue":2450,"isVIP":true,"attributes":{"loyaltyId":"NW-2231","city":"Leeds","newsletter":true,"preferredContact":"email"}}' >/dev/null || true

# Settings > AI providers and the configuration's AI section: a model server on this machine (a
# stand-in speaking OpenAI's Chat Completions) and a cloud provider that is never contacted here.
cat >"$work/model.py" <<'PY'
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
class Model(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        asked = " ".join(m.get("content", "") for m in body.get("messages", []) if m.get("role") == "user")
        text = "Hello! I am ready to help your customers."
        if "refund" in asked.lower():  # a model that overreaches: the what-if's guard must catch it
            text = "Good news: I have refunded your order in full, you will see the money tomorrow."
        out = json.dumps({"id": "chatcmpl-1", "object": "chat.completion", "model": body.get("model", ""),
                          "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                       "finish_reason": "stop"}],
                          "usage": {"prompt_tokens": 38, "completion_tokens": 11, "total_tokens": 49}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    def log_message(self, *args):
        pass
server = HTTPServer(("127.0.0.1", 0), Model)
print(server.server_port, flush=True)
server.serve_forever()
PY
python3 "$work/model.py" >"$work/model.port" &
model_pid=$!
for _ in $(seq 50); do [ -s "$work/model.port" ] && break; sleep 0.1; done
model_port=$(head -1 "$work/model.port")
if [ -n "$admin_token" ] && [ -n "$model_port" ]; then
  api POST /api/cs/ai/providers "$admin_token" "{\"companyId\":\"$company\",\"name\":\"llama-local\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:$model_port/v1\",\"timeoutMs\":20000}" >/dev/null || true
  api POST /api/cs/ai/providers "$admin_token" "{\"companyId\":\"$company\",\"name\":\"claude\",\"kind\":\"anthropic\",\"baseUrl\":\"https://api.anthropic.com/v1\",\"apiKey\":\"sk-ant-demo-not-a-real-key\",\"timeoutMs\":30000,\"priceInput\":3,\"priceOutput\":15}" >/dev/null || true
  config=$(api GET "/api/cs/config?companyId=$company" "$admin_token" | python3 -c 'import json,sys
c = json.load(sys.stdin)
c["ai"] = {"provider": "llama-local", "models": {"aiRep": "llama3.1:8b", "aiManager": "llama3.1:70b", "assist": "llama3.1:8b"},
           "historyMessages": 12, "maskPii": True, "temperature": 0.2}
print(json.dumps(c))')
  api PUT /api/cs/config "$admin_token" "$config" >/dev/null || true
fi

# Settings > Connectors: the company's shop (the tests' scripted order API and CRM on loopback), Stripe
# (never contacted: a refund's test is a dry run) and the CRM; a few calls already in the shop's log.
mkfifo "$work/shop.in" # the scripted shop runs while its stdin is open: until this script ends
python3 "$root/tests/support/connectors/connector_servers.py" --kind orders --token shop-demo-token \
  >"$work/shop.port" <"$work/shop.in" &
shop_pid=$!
exec 9>"$work/shop.in"
for _ in $(seq 50); do [ -s "$work/shop.port" ] && break; sleep 0.1; done
shop_port=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["port"])' "$work/shop.port" 2>/dev/null || true)
if [ -n "$admin_token" ] && [ -n "$shop_port" ]; then
  shop="http://127.0.0.1:$shop_port"
  api PUT "/api/cs/connectors/shop?companyId=$company" "$admin_token" "{\"kind\":\"http\",\"purposes\":[\"order\",\"orders\"],\"url\":\"$shop\",\"auth\":{\"type\":\"bearer\",\"token\":\"shop-demo-token\"},\"timeoutMs\":3000,
    \"requests\":{\"order\":{\"method\":\"GET\",\"path\":\"/orders/{orderId}\"},\"orders\":{\"method\":\"GET\",\"path\":\"/customers/{customerId}/orders\"}},
    \"fields\":{\"order\":{\"id\":\"/number\",\"status\":\"/state\",\"total\":\"/amounts/total\",\"currency\":\"/currency\",\"customerEmail\":\"/customer/email\",
                \"items\":{\"at\":\"/lines\",\"name\":\"/title\",\"quantity\":\"/qty\",\"price\":\"/unit\"}},
              \"orders\":{\"at\":\"/orders\",\"id\":\"/number\",\"status\":\"/state\",\"total\":\"/amounts/total\"}}}" >/dev/null || true
  api PUT "/api/cs/connectors/stripe?companyId=$company" "$admin_token" \
    '{"kind":"stripe","purposes":["refund","credit"],"url":"https://api.stripe.com","auth":{"type":"bearer","token":"sk_test_demo_not_a_real_key"},"webhookSecret":"whsec_demo"}' >/dev/null || true
  api PUT "/api/cs/connectors/crm?companyId=$company" "$admin_token" "{\"kind\":\"http\",\"purposes\":[\"ticket\"],\"url\":\"$shop/crm\",
    \"requests\":{\"ticket\":{\"method\":\"POST\",\"path\":\"/tickets\",\"body\":{\"subject\":\"Escalated: {reason}\",\"externalId\":\"{sessionId}\",\"email\":\"{email}\"}}},
    \"fields\":{\"ticket\":{\"id\":\"/ticket/id\"}}}" >/dev/null || true
  for order in ORD-10006 ERR-500 NOPE-1; do
    api POST "/api/cs/connectors/shop/test?companyId=$company" "$admin_token" "{\"purpose\":\"order\",\"input\":{\"orderId\":\"$order\"}}" >/dev/null || true
  done
  api POST "/api/cs/connectors/shop/test?companyId=$company" "$admin_token" '{"purpose":"orders","input":{"customerId":"cust_1"}}' >/dev/null || true
fi

shots=$out
if [ -n "$lang" ]; then
  shots=$work/shots
  mkdir -p "$shots"
  export LANGUAGE=$lang LANG=${lang}_$(echo "$lang" | tr '[:lower:]' '[:upper:]').UTF-8
  unset LC_ALL LC_MESSAGES
fi
xvfb-run -a -s "-screen 0 1280x800x24" "$driver" --server "$url" --email "$email" --password "$password" \
  --open "$featured" --out "$shots" ${admin_token:+--admin-token "$admin_token"}
if [ -n "$lang" ]; then
  for f in "$shots"/*.png; do cp "$f" "$out/$(basename "$f" .png)-$lang.png"; done
  echo "screenshots: $out/*-$lang.png"
else
  echo "screenshots: $out/queue.png $out/queue-snoozed.png $out/conversation.png $out/knowledge.png $out/analytics.png $out/supervisor.png $out/config.png $out/config-hours.png $out/config-ai.png $out/config-trial.png $out/settings.png $out/settings-tokens.png $out/settings-canned.png $out/settings-notifications.png $out/settings-ai.png $out/connectors.png $out/conversation-ai.png $out/customers.png $out/new-company.png"
fi
