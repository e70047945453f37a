#!/usr/bin/env bash
# NLU quality and speed benchmark, every tool on the same files in one run:
#   intents   Bitext (27 intents), train/test split by the hash of the text (isHeldOut):
#             Tierdesk (`tierdesk nlu eval --json`), scikit-learn (word + char TF-IDF,
#             LinearSVC) and NLP.js (npm node-nlp)
#   intents-tierdesk  the same three on resources/nlu/intents.tsv (24 intents), split the same way
#   memory    Tierdesk trained on 10,000 utterances (the Bitext training part and variants)
#   sentiment the 3,000 UCI sentences: Tierdesk (`tierdesk sentiment eval --json`),
#             VADER (npm vader-sentiment) and AFINN (npm sentiment)
#   message   the whole per-message NLU (MessageAnalyzer::analyze) over all those texts
#             (tierdesk_nlu_message_bench, built beside tierdesk when BUILD_DIR is given)
# Usage: bench/nlu.sh [path/to/tierdesk]   (env: SHARED_DATA, default ../shared/data beside the checkout)
# Needs python3-sklearn and nodejs/npm (scripts/install-deps.sh with TIERDESK_WITH_BENCH=1);
# the npm packages are installed from bench/package-lock.json into bench/node_modules.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-$here/../build/app/tierdesk}")
shared=${SHARED_DATA:-$(realpath "$here/../../shared/data")}
python=/usr/bin/python3 # Debian's, which has python3-sklearn
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/results"
out="$here/results/nlu-$(date -u +%Y%m%dT%H%M%SZ).jsonl"

[ -d "$here/node_modules/node-nlp" ] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
"$python" "$here/nlu_data.py" "$shared" "$work" "$here/../resources/nlu/intents.tsv"

# One JSON line per tool: {"task", "tool", ...the eval fields}.
run() {
  local task=$1 tool=$2
  shift 2
  echo "== $task: $tool" >&2
  "$@" | "$python" -c 'import json,sys; d=json.load(sys.stdin); d.pop("labels",None); d["task"]=sys.argv[1]; d["tool"]=sys.argv[2]; print(json.dumps(d))' "$task" "$tool" | tee -a "$out"
}

run intents tierdesk "$bin" nlu eval --train "$work/bitext_train.csv" --test "$work/bitext_test.csv" --json
run intents scikit-learn "$python" "$here/nlu_sklearn.py" "$work/bitext_train.csv" "$work/bitext_test.csv"
run intents nlp.js node "$here/nlu_peers.js" nlpjs "$work/bitext_train.csv" "$work/bitext_test.csv"
run intents-tierdesk tierdesk "$bin" nlu eval --train "$work/tierdesk_train.csv" --test "$work/tierdesk_test.csv" --json
run intents-tierdesk scikit-learn "$python" "$here/nlu_sklearn.py" "$work/tierdesk_train.csv" "$work/tierdesk_test.csv"
run intents-tierdesk nlp.js node "$here/nlu_peers.js" nlpjs "$work/tierdesk_train.csv" "$work/tierdesk_test.csv"
run intents-10k tierdesk "$bin" nlu eval --train "$work/bitext_train10k.csv" --test "$work/bitext_test.csv" --json
run sentiment tierdesk "$bin" sentiment eval --test "$work/uci_test.csv" --json
run sentiment vader node "$here/nlu_peers.js" vader "$work/uci_test.csv"
run sentiment afinn node "$here/nlu_peers.js" afinn "$work/uci_test.csv"
message_bench="$(dirname "$bin")/../bench/tierdesk_nlu_message_bench"
if [ -x "$message_bench" ]; then
  echo "== message: tierdesk (MessageAnalyzer::analyze)" >&2
  "$message_bench" "$work/bitext_test.csv" "$work/tierdesk_test.csv" "$work/uci_test.csv" \
    | "$python" -c 'import json,sys; d=json.load(sys.stdin); d.pop("sink"); d.update(task="message", tool="tierdesk"); print(json.dumps(d))' | tee -a "$out"
else
  echo "(no $message_bench: cmake --build build --target tierdesk_nlu_message_bench)" >&2
fi

"$python" - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("\n| task | tool | n | accuracy | macro F1 | sign acc. | train ms | p50 µs | p99 µs | peak RSS MB | model kB |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    if r["task"] == "message":
        print("| message (analyze) | tierdesk | {n} |  |  |  |  | {p50_us} | {p99_us} |  |  |".format(**r))
        continue
    print("| {task} | {tool} | {n} | {accuracy:.4f} | {macro_f1:.4f} | {sign} | {train_ms} | {p50_us} | {p99_us} | {rss:.1f} | {model} |".format(
        sign=("%.4f" % r["sign_accuracy"]) if "sign_accuracy" in r else "", rss=r["peak_rss_kb"] / 1024,
        model=r.get("model_kb", ""), **r))
print("\nresults: " + sys.argv[1])
PY
