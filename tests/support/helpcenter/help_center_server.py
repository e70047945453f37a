#!/usr/bin/python3
"""A company's help center for the knowledge-source tests, on a free 127.0.0.1 port.

The website: /robots.txt (a group for Tierdesk that disallows /private/ and /drafts/, and one
for * that disallows /private/ only), /sitemap.xml (an index of /sitemaps/pages.xml.gz, gzipped,
and /sitemaps/more.xml), pages wrapped in navigation, header and footer chrome, a duplicate of
/help/returns under ?ref=nav whose <link rel=canonical> names the page, an ETag per page version
(If-None-Match answered 304), /help/flaky answering 503, and /help/ as a start page linking the
pages. A Zendesk Help Center: /api/v2/help_center/en-us/articles.json, two articles a page with
cursor pagination (meta.has_more, links.next), one of them a draft.

Commands on stdin, each answered with one JSON line: "change PATH" (new text and ETag),
"gone PATH" (410 from now on), "fail PATH" (503), "unlist PATH" (left out of the sitemap),
"hold PATH" (its requests wait) and "release", "requests" (every request so far: path, user
agent, If-None-Match; then forgotten). Prints {"port": N} once it listens; stops when stdin
closes.
"""
import gzip
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = {
    "/help/returns": ("Returning an item", "Send the item back within 45 days. Print the prepaid "
                      "label from your account, pack the item and drop it at a post office."),
    "/help/shipping": ("Shipping times", "Standard shipping takes 4 working days. Express orders "
                       "placed before noon arrive the next day."),
    "/help/warranty": ("Frame warranty", "Every Acme frame has a lifetime warranty against "
                       "defects in materials and workmanship."),
    "/help/contact": ("Contact us", "Call us on +1 555 0100 from 8am to 6pm, or write to "
                      "help@acme-bikes.example."),
    "/help/held": ("Tyre pressure", "Road tyres want 80 to 100 psi; check them every week."),
    "/help/flaky": ("Store hours", "Our stores open at 9am."),
    "/private/secret": ("Internal pricing", "Never to be read by a crawler."),
    "/drafts/soon": ("Coming soon", "Not for Tierdesk's eyes."),
}
LISTED_GZ = ["/help/returns", "/help/returns?ref=nav", "/help/shipping", "/help/warranty",
             "/private/secret", "/help/flaky"]
LISTED_MORE = ["/help/contact", "/drafts/soon", "/help/held"]
ARTICLES = [
    {"id": 1, "title": "Resetting your password", "body": "<p>Open <b>Settings</b>, then "
     "<em>Security</em>, and choose Reset password.</p>", "label_names": ["password", "login"]},
    {"id": 2, "title": "Billing dates", "body": "<h2>When</h2><p>Cards are charged on the 1st.</p>",
     "label_names": ["billing"]},
    {"id": 3, "title": "Unfinished", "body": "<p>Draft text.</p>", "label_names": [], "draft": True},
    {"id": 4, "title": "Gift cards", "body": "<p>Gift cards never expire.</p>", "label_names": []},
    {"id": 5, "title": "Closing an account", "body": "<p>Write to us from your account's "
     "address.</p>", "label_names": ["account"]},
]

STATE = {"version": {}, "gone": set(), "failing": {"/help/flaky"}, "unlisted": set(), "held": set()}
LOCK = threading.Lock()
RELEASED = threading.Event()
REQUESTS = []


def page_html(path, query):
    title, text = PAGES[path]
    version = STATE["version"].get(path, 1)
    if version > 1:
        text += " (Updated %d.)" % version
    canonical = '<link rel="canonical" href="%s">' % path if query else ""
    return ("<!doctype html><html><head><title>%s | Acme Bikes</title>%s</head><body>"
            "<header><nav><a href=\"/help/\">Help</a> <a href=\"/help/returns\">Returns</a> Menu</nav>"
            "</header><main><h1>%s</h1><p>%s</p><h2>Still stuck?</h2><p>Ask our team.</p></main>"
            "<footer>Copyright Acme Bikes. Privacy. Terms.</footer></body></html>"
            % (title, canonical, title, text)).encode()


def start_page():
    links = "".join('<li><a href="%s">%s</a></li>' % (p, PAGES[p][0])
                    for p in ["/help/returns", "/help/shipping", "/help/warranty", "/private/secret"])
    return ("<html><head><title>Help</title></head><body><main><h1>Help centre</h1><ul>%s</ul>"
            "<a href=\"/about\">About</a></main></body></html>" % links).encode()


def urlset(base, paths):
    entries = "".join("<url><loc>%s%s</loc></url>" % (base, p.replace("&", "&amp;"))
                      for p in paths if p.split("?")[0] not in STATE["unlisted"])
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">%s</urlset>' % entries).encode()


def articles_page(base, after):
    start = int(after or 0)
    chunk = ARTICLES[start:start + 2]
    more = start + 2 < len(ARTICLES)
    out = []
    for a in chunk:
        item = dict(a)
        item.setdefault("draft", False)
        item["html_url"] = "%s/hc/en-us/articles/%d" % (base, a["id"])
        item["updated_at"] = "2026-11-01T10:00:00Z"
        out.append(item)
    body = {"articles": out, "meta": {"has_more": more, "after_cursor": str(start + 2) if more else None},
            "links": {"next": "%s/api/v2/help_center/en-us/articles.json?page%%5Bsize%%5D=100&page%%5Bafter%%5D=%d"
                      % (base, start + 2) if more else None}}
    return json.dumps(body).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", kind="text/html; charset=utf-8", headers=None):
        self.send_response(status)
        if body or status == 200:
            self.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path, _, query = self.path.partition("?")
        with LOCK:
            REQUESTS.append({"path": self.path, "userAgent": self.headers.get("User-Agent", ""),
                             "ifNoneMatch": self.headers.get("If-None-Match", "")})
            held = path in STATE["held"]
        if held:
            RELEASED.wait(30)
        base = "http://%s" % self.headers.get("Host")
        if path == "/robots.txt":
            return self.answer(200, b"User-agent: *\nDisallow: /private/\n\nUser-agent: Tierdesk\n"
                               b"Disallow: /private/\nDisallow: /drafts/\n", "text/plain")
        if path == "/sitemap.xml":
            return self.answer(200, ('<?xml version="1.0"?><sitemapindex '
                                     'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                     '<sitemap><loc>%s/sitemaps/pages.xml.gz</loc></sitemap>'
                                     '<sitemap><loc>%s/sitemaps/more.xml</loc></sitemap></sitemapindex>'
                                     % (base, base)).encode(), "application/xml")
        if path == "/sitemaps/pages.xml.gz":
            return self.answer(200, gzip.compress(urlset(base, LISTED_GZ)), "application/gzip")
        if path == "/sitemaps/more.xml":
            return self.answer(200, urlset(base, LISTED_MORE), "application/xml")
        if path == "/help/":
            return self.answer(200, start_page())
        if path == "/api/v2/help_center/en-us/articles.json":
            after = ""
            for part in query.split("&"):
                if part.startswith("page%5Bafter%5D=") or part.startswith("page[after]="):
                    after = part.split("=", 1)[1]
            return self.answer(200, articles_page(base, after), "application/json")
        if path not in PAGES:
            return self.answer(404, b"not here")
        with LOCK:
            if path in STATE["gone"]:
                return self.answer(410, b"gone")
            if path in STATE["failing"]:
                return self.answer(503, b"busy")
            etag = '"%s-v%d"' % (path.strip("/").replace("/", "-"), STATE["version"].get(path, 1))
        if self.headers.get("If-None-Match") == etag:
            return self.answer(304, headers={"ETag": etag})
        return self.answer(200, page_html(path, query), headers={"ETag": etag})


def command(line):
    verb, _, path = line.strip().partition(" ")
    with LOCK:
        if verb == "change":
            STATE["version"][path] = STATE["version"].get(path, 1) + 1
        elif verb == "gone":
            STATE["gone"].add(path)
        elif verb == "fail":
            STATE["failing"].add(path)
        elif verb == "unlist":
            STATE["unlisted"].add(path)
        elif verb == "hold":
            RELEASED.clear()
            STATE["held"].add(path)
        elif verb == "release":
            STATE["held"].clear()
            RELEASED.set()
        elif verb == "requests":
            out = list(REQUESTS)
            REQUESTS.clear()
            return {"requests": out}
        else:
            return {"error": "unknown command " + verb}
    return {"ok": True}


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    for line in sys.stdin:
        print(json.dumps(command(line)), flush=True)
    RELEASED.set()
    server.shutdown()


if __name__ == "__main__":
    main()
