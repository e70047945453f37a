#!/usr/bin/env bash
# WebSocket clients that subscribe to a company and stop reading: the server's resident memory
# (VmRSS) before they connect, at its peak while messages flow (each client's events pile up
# until the server drops it past http/maxUnsentBytes), once the server has dropped them, and
# after the clients are gone.
# Usage: bench/ws_slow_readers.sh [path/to/tierdesk]   (env: CLIENTS=100, DURATION=20s, PORT=18097)
set -euo pipefail
. "$(dirname "$0")/lib/demo_server.sh"
bin=$(realpath "${1:-build/app/tierdesk}")
clients=${CLIENTS:-100}
duration=${DURATION:-20s}
port=${PORT:-18097}
data=$(mktemp -d)
trap 'kill $readers 2>/dev/null || true; kill -9 $pid 2>/dev/null || true; rm -rf "$data"' EXIT

# More connections from 127.0.0.1 than the default 64 per address.
printf '[http]\nmaxConnectionsPerAddress=1024\n' >"$data/tierdesk.ini"
start_demo_server "$bin" "$data" "$port"
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }

for i in $(seq 200); do
  curl -s -X POST "$base/api/cs/sessions" -H "Authorization: Bearer $TOKEN" \
    -d "{\"companyId\":\"$company\",\"customerId\":\"ws-bench-$i\",\"channel\":\"chat\",\"initialMessage\":\"Hello\"}" \
    | grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
done >"$data/sessions.txt"
before=$(rss_mb)

# The slow readers: upgrade, subscribe to the company, then never read again (a small
# receive buffer, so the kernel holds little for them). They stay open until the fifo closes.
mkfifo "$data/hold"
cat >"$data/readers.py" <<'EOF'
import json, os, socket, sys
port, token, company, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall((f"GET /api/cs/ws?token={token} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    buf = b""
    while b"welcome" not in buf:
        buf += s.recv(4096)
    payload = json.dumps({"type": "subscribe", "companyId": company}).encode()
    mask = os.urandom(4)
    s.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    while b"subscribed" not in buf:
        buf += s.recv(4096)
    socks.append(s)
print("subscribed", len(socks), flush=True)
sys.stdin.read()
EOF
python3 "$data/readers.py" "$port" "$TOKEN" "$company" "$clients" <"$data/hold" >"$data/readers.log" 2>&1 &
readers=$!
exec 3>"$data/hold"
for _ in $(seq 300); do grep -q subscribed "$data/readers.log" && break; sleep 0.1; done
connected=$(rss_mb)

# Messages to the company's sessions: every one is an event for every subscriber.
(while kill -0 $pid 2>/dev/null; do rss_mb; echo; sleep 0.2; done) >"$data/rss.txt" &
sampler=$!
cat >"$data/post.py" <<'EOF'
# POST /api/cs/sessions/:id/messages from 8 keep-alive connections for `seconds`.
import http.client, json, sys, threading, time
port, token, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
sessions = [line.strip() for line in open(sys.argv[4]) if line.strip()]
texts = ["Where is my order?", "How long does a refund take?", "Can I change my shipping address?",
         "Thanks, that's helpful!", "What payment methods do you accept?"]
done = [0] * 8
def post(n):
    c = http.client.HTTPConnection("127.0.0.1", port)
    end, i = time.time() + seconds, n
    while time.time() < end:
        body = json.dumps({"message": texts[i % len(texts)]})
        c.request("POST", f"/api/cs/sessions/{sessions[i % len(sessions)]}/messages", body,
                  {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        c.getresponse().read()
        done[n] += 1
        i += 8
threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(f"messages posted: {sum(done)} in {seconds:.0f}s")
EOF
python3 "$data/post.py" "$port" "$TOKEN" "${duration%s}" "$data/sessions.txt" >"$data/post.txt"
kill $sampler
peak=$(sort -n "$data/rss.txt" | tail -n 1)
sleep 3 # the slow readers have been dropped by now; the allocator has been trimmed
dropped=$(rss_mb)
exec 3>&-
wait $readers 2>/dev/null || true
sleep 1
gone=$(rss_mb)

echo "Tierdesk: $clients WebSocket clients subscribed to a company that stop reading, $(date -u +%FT%TZ)"
cat "$data/post.txt"
echo "server RSS (MB): before $before, $clients connected $connected, peak $peak, after the drops $dropped, clients gone $gone"
