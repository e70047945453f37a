#!/usr/bin/python3
"""Knowledge answers on a public help center (bench/README.md, "Knowledge answers on a public
help center"): GNOME Help, built by bench/kb_corpus.sh, imported into a new company of a fresh
`tierdesk serve` as a website source (its sitemap, served on loopback), then every question of
bench/kb_questions.json asked twice (the help center's words, a customer's words):

  - GET /api/cs/kb/search?limit=3: does the top passage, do the top three, hold an answer phrase?
  - a chat session per question, POST /api/cs/sessions/:id/messages: does the AI's reply carry one?

Also the import itself: pages, seconds from the POST of the source to its sync's end, and the
server's peak RSS (VmHWM). Usage: bench/kb_answers.py BIN CORPUS_DIR [--questions FILE] [--json]
"""
import argparse
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(text):
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()


def carries(text, phrases):
    t = norm(text)
    return any(norm(p) in t for p in phrases)


class Corpus(http.server.SimpleHTTPRequestHandler):
    """The built help center; its sitemap names this server (kb_corpus.sh writes __BASE__)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/sitemap.xml":
            with open(os.path.join(self.directory, "sitemap.xml"), "rb") as f:
                body = f.read().replace(b"__BASE__", self.headers["Host"].encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def api(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"{}")


def cli(binary, env, *args):
    out = subprocess.run([binary, *args], env=env, check=True, capture_output=True, text=True).stdout
    return out.strip()


def vm_hwm(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return 0


def start(binary, corpus):
    data = tempfile.mkdtemp(prefix="kb-bench-")
    env = dict(os.environ, XDG_DATA_HOME=data, XDG_CONFIG_HOME=data, QT_QPA_PLATFORM="offscreen")
    company = cli(binary, env, "company", "create", "--name", "GNOME Help").split()[-1]
    token = cli(binary, env, "token", "create", "--company", company, "--role", "admin").split()[-1]
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Corpus, directory=corpus))
    threading.Thread(target=site.serve_forever, daemon=True).start()
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--no-rate-limit"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return server, base, company, token, site.server_address[1]


def import_site(base, token, company, site_port):
    began = time.time()
    source = api(base, token, "POST", "/api/cs/kb/sources?companyId=" + company,
                 {"kind": "website", "url": "http://127.0.0.1:%d/sitemap.xml" % site_port,
                  "maxPages": 5000, "syncHours": 0})
    while source["status"] in ("queued", "running"):
        time.sleep(0.2)
        source = api(base, token, "GET", "/api/cs/kb/sources/%d?companyId=%s" % (source["id"], company))
    return source, time.time() - began


def ask(base, token, company, questions):
    rows = []
    for i, q in enumerate(questions):
        for kind in ("helpCenterWords", "customerWords"):
            text = q[kind]
            found = api(base, token, "GET", "/api/cs/kb/search?" + urllib.parse.urlencode(
                {"companyId": company, "q": text, "limit": 3}))["passages"]
            session = api(base, token, "POST", "/api/cs/sessions",
                          {"companyId": company, "customerId": "bench-%d-%s" % (i, kind), "channel": "chat"})
            answer = api(base, token, "POST", "/api/cs/sessions/%s/messages" % session["id"], {"message": text})
            reply = ((answer.get("data") or answer).get("aiResponse") or {}).get("content", "")
            rows.append({"id": q["id"], "phrasing": kind, "question": text,
                         "top1": bool(found) and carries(found[0]["text"], q["answer"]),
                         "top3": any(carries(p["text"], q["answer"]) for p in found),
                         "reply": carries(reply, q["answer"]), "replyText": reply})
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--questions", default=os.path.join(HERE, "kb_questions.json"))
    ap.add_argument("--import-only", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    questions = json.load(open(args.questions))["questions"]
    server, base, company, token, site_port = start(args.binary, os.path.abspath(args.corpus))
    try:
        source, seconds = import_site(base, token, company, site_port)
        peak = vm_hwm(server.pid)
        print("import: %s, %d pages found, %d imported, %d failed, %.1f s, server peak RSS %d MiB"
              % (source["status"], source["progress"]["found"], source["imported"], len(source["failed"]),
                 seconds, peak))
        if args.import_only:
            return
        rows = ask(base, token, company, questions)
    finally:
        server.terminate()
        server.wait()
    if args.json:
        json.dump(rows, sys.stdout, indent=1)
        return
    print("| phrasing | questions | top 1 | top 3 | reply carries the answer |")
    print("|---|---|---|---|---|")
    for kind, label in (("helpCenterWords", "help center's words"), ("customerWords", "customer's words")):
        r = [x for x in rows if x["phrasing"] == kind]
        share = lambda key: "%d/%d (%d %%)" % (sum(x[key] for x in r), len(r), round(100 * sum(x[key] for x in r) / len(r)))
        print("| %s | %d | %s | %s | %s |" % (label, len(r), share("top1"), share("top3"), share("reply")))


if __name__ == "__main__":
    main()
