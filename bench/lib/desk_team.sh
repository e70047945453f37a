# shellcheck shell=bash
# shellcheck disable=SC2154 # $bin, $base, $data, $here, $driver, $out, $TOKEN, $seed_s, $seed_load: desk.sh's
# The team run of bench/desk.sh (TEAM=1), sourced by it: uses its $bin, $base, $data, $here,
# $driver, $out and $TOKEN (an admin token).
# Env: DURATION=60 RATE=1 (new escalations a second) THINK_MS=1500 (an agent's pace)
#      CONVERSATION_EVERY_MS=4000 (each agent writes in the open conversation this often)
#      TRANSFER_SHARE=0.15 AUTOMATIC_FROM=0.5 (desk.assignment automatic from this part of
#      the run on; 0: manual throughout) SWITCH_MS=3000 (the console shows the queue and the
#      conversation in turn)

# name|e-mail|queues|capacity; the console's person takes a queue that does not exist, so
# automatic assignment never gives it work.
team_people=(
  "Ada Archer|ada.archer@example.com|orders,inquiries|3"
  "Ben Baker|ben.baker@example.com|complaints|2"
  "Cleo Cruz|cleo.cruz@example.com|orders|5"
  "Dev Desai|dev.desai@example.com|inquiries,complaints|4"
  "Eli Evans|eli.evans@example.com|orders,inquiries,complaints|3"
  "Wren Watcher|wren.watcher@example.com|watching|3"
)
team_ids=()

team_create_agents() {
  local company=$1 person name email queues
  for person in "${team_people[@]}"; do
    IFS='|' read -r name email queues _ <<<"$person"
    team_ids+=("$(echo 'desk-team-password' | "$bin" agent create --company "$company" --email "$email" \
      --name "$name" --role agent --queues "$queues" --password-stdin 2>/dev/null)")
  done
}

team_login() {
  curl -sf -X POST "$base/api/cs/auth/login" -d "{\"email\":\"$1\",\"password\":\"desk-team-password\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

# desk_agents.js's configuration: the five agents with their login tokens, the conversation.
team_config() {
  local company=$1 conversation=$2 i name email queues capacity
  for i in 0 1 2 3 4; do
    IFS='|' read -r name email queues capacity <<<"${team_people[$i]}"
    curl -sf -X PATCH "$base/api/cs/agents/${team_ids[$i]}" -H "Authorization: Bearer $TOKEN" \
      -d "{\"capacity\":$capacity}" >/dev/null
    printf '%s|%s|%s|%s\n' "${team_ids[$i]}" "$name" "$queues" "$(team_login "$email")"
  done >"$data/agents.txt"
  python3 - "$company" "$conversation" "$base" "$TOKEN" "$data/agents.log" "$data/agents.txt" >"$data/team.json" <<'EOF'
import json, os, sys, time
company, conversation, base, admin, log, lines = sys.argv[1:7]
agents = []
for line in open(lines).read().split("\n"):
    if line:
        i, name, queues, token = line.split("|")
        agents.append({"id": i, "name": name, "queues": queues.split(","), "token": token})
env = os.environ.get
print(json.dumps({
    "base": base, "company": company, "adminToken": admin, "agents": agents,
    "conversation": conversation, "queues": ["orders", "inquiries", "complaints"],
    "durationS": int(env("DURATION", "60")), "rate": float(env("RATE", "1")),
    "thinkMs": int(env("THINK_MS", "1500")), "conversationEveryMs": int(env("CONVERSATION_EVERY_MS", "4000")),
    "transferShare": float(env("TRANSFER_SHARE", "0.15")), "automaticFrom": float(env("AUTOMATIC_FROM", "0.5")),
    "tag": str(int(time.time())), "log": log}, indent=1))
EOF
}

team_summary() {
  python3 - "$1" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
loop, c, a, s = r["eventLoop"], r["console"], r["agents"], r["seed"]
def f(o):
    return f"p50 {o['p50Ms']} ms, p95 {o['p95Ms']} ms, max {o['maxMs']} ms ({o['count']}, {o['missing']} not seen)"
print(f"seed: {s['sessions']} sessions, {s['escalations']} escalations waiting; console shows {c['queueRows']} rows at the end")
print(f"agents: {a.get('requests')} requests in {a.get('seconds')} s, {a.get('errors')} non-2xx {a.get('errorsBy')}, "
      f"automatic assignment from {a.get('automaticAtS', '-')} s")
print(f"console event loop (5 ms timer, {loop['ticks']} ticks): late p50 {loop['p50Ms']} ms, p99 {loop['p99Ms']} ms, "
      f"max {loop['maxMs']} ms; stalls > 50 ms: {loop['stallsOver50Ms']}, > 100 ms: {loop['stallsOver100Ms']} (target 0)")
print(f"queue view, an agent's change to the QueueModel: {f(r['queue'])} (target p95 < 250 ms)")
for k in ("claim", "transfer", "resolve", "newEscalation"):
    print(f"  {k}: {f(r[k])}; HTTP answer p95 {r[k].get('toHttpAnswer', {}).get('p95Ms')} ms")
print(f"conversation view, a colleague's reply/note to the TranscriptModel: {f(r['conversation'])} (target p95 < 250 ms)")
print(f"  typing to the 'is typing' line: {f(r['typing'])}")
ti = r["transcriptInsert"]
print("  the view's render of a new message, by the conversation's length: " + "; ".join(
    f"{band} p50 {ti[band]['p50Ms']} ms, max {ti[band]['maxMs']} ms ({ti[band]['count']})"
    for band in ("upTo100", "101to200", "over200") if ti[band]["count"]))
print(f"console: RSS {c['rssMb']} MB (peak {c['peakRssMb']} MB), CPU {c['cpuPercentOfACore']} % of a core, "
      f"{c['transcriptRows']} messages in the open conversation")
print(f"machine: load {r['machine']['loadBefore']} before the run; results: {sys.argv[1]}")
EOF
}

team_run() {
  local company=$1 conversation
  conversation=$(curl -sf "$base/api/cs/queue?companyId=$company&assignee=none&queue=orders&limit=1" \
    -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["sessionId"])')
  team_config "$company" "$conversation"
  TIERDESK_BENCH_TOKEN=$(team_login wren.watcher@example.com)
  export TIERDESK_BENCH_TOKEN
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "team run: ${DURATION:-60} s, five agents, console as Wren Watcher on $conversation (load $load)"
  xvfb-run -a -s "-screen 0 1600x1000x24" "$driver" --server "$base" --team "$data/team.json" \
    --agents-script "$here/desk_agents.js" --switch-ms "${SWITCH_MS:-3000}" \
    2>"$data/driver.log" >"$data/driver.json" || {
    cat "$data/driver.log" >&2
    exit 1
  }
  python3 - "$data/driver.json" "$seed_s" "$seed_load" "$(nproc)" "$load" "$data/team.json" >"$out" <<'EOF'
import json, sys, datetime
r = json.load(open(sys.argv[1]))
cfg = json.load(open(sys.argv[6]))
r["seed"] = {"seconds": round(float(sys.argv[2]), 2), **json.loads(sys.argv[3])}
r["settings"] = {k: cfg[k] for k in ("durationS", "rate", "thinkMs", "conversationEveryMs", "transferShare", "automaticFrom")}
r["machine"] = {"cores": int(sys.argv[4]), "loadBefore": sys.argv[5],
                "note": "server, console, Xvfb and the agents' node process share these cores"}
r["date"] = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
print(json.dumps(r, indent=2))
EOF
  team_summary "$out"
}
