#!/usr/bin/env python3
"""Checks bench/kb_questions.json against the pages bench/kb_corpus.sh built, and prints the
baseline the product's knowledge answers are compared with: plain BM25 over the pages' passages.

Usage: python3 bench/kb_questions_check.py <out-dir> [--verbose] [--questions FILE] [--text PAGE]
  <out-dir>   what `bench/kb_corpus.sh <out-dir> [--languages N]` wrote: help/ and any help-<lang>/
  --verbose   each question's rank of the first passage holding an answer, for both phrasings
  --questions FILE  other questions than bench/kb_questions.json (the same format)
  --text PAGE print the text of help/PAGE.html as it is read here (to pick answer phrases) and stop

A page's text is read as the product's importer reads it (core/integrations/web/HtmlPage.cpp): the
first <main> (else <article>, else <body>), without <nav>, <aside>, <footer>, <form>, <button>, the
page's own <header>, role navigation/search/banner/contentinfo/complementary, and what is never text
(<script>, <style>, <svg>...). yelp-build's pages keep their "More Information" / "See Also" links
in <section role="navigation"> and the credits in <footer>, so neither is in it.

Checks (exit 1 listing every problem): each question's page exists in help/, each answer phrase
(case-insensitive, white space collapsed; 2 to 8 words) is in that page's text, within one passage
of it, and on at most 4 English pages (a phrase every page says would show no answer).

Baseline: BM25 (k1 1.2, b 0.75, idf log(1 + (N - n + 0.5) / (n + 0.5)); tokens: lower-case runs of letters and digits, no stemming, no stop
words) over the passages of every page of every help*/ directory in <out-dir> (so the same pages
the bench imports: 293 English, more with --languages); a passage is a page's text cut before each
h1, h2 and h3, the heading starting its passage. For each question and phrasing, whether the best
passage (top 1) and any of the best three (top 3) holds one of its answer phrases.
"""
import argparse
import html.parser
import json
import math
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
QUESTIONS = os.path.join(HERE, "kb_questions.json")
K1, B = 1.2, 0.75
MAX_PAGES_A_PHRASE = 4

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
NEVER_TEXT = {"head", "title", "script", "style", "noscript", "template", "svg", "iframe", "xml"}
CHROME = {"nav", "aside", "footer", "form", "button"}
CHROME_ROLES = {"navigation", "search", "banner", "contentinfo", "complementary"}
BLOCK = {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "table", "tr", "pre",
         "dl", "dt", "dd", "blockquote", "figure", "figcaption", "br", "hr", "td", "th"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SPLIT_AT = {"h1", "h2", "h3"}


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent


class TreeBuilder(html.parser.HTMLParser):
    """A small tree of the document (yelp-build writes well-formed HTML: a stack is enough)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def find(node, pred):
    for c in node.children:
        if isinstance(c, Node):
            if pred(c):
                return c
            hit = find(c, pred)
            if hit:
                return hit
    return None


def is_page_header(node):
    p = node.parent
    while p is not None:
        if p.tag in ("article", "aside", "main", "nav", "section"):
            return False
        p = p.parent
    return True


def dropped(node):
    if node.tag in NEVER_TEXT or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    if node.tag in CHROME or (node.tag == "header" and is_page_header(node)):
        return True
    return bool(set((node.attrs.get("role") or "").split()) & CHROME_ROLES)


def blocks(root):
    """The text as (heading tag or None, text) blocks, in document order."""
    out, buf = [], []

    def flush(kind=None):
        text = " ".join("".join(buf).split())
        buf.clear()
        if text:
            out.append((kind, text))

    def walk(node):
        for c in node.children:
            if isinstance(c, str):
                buf.append(c)
            elif not dropped(c):
                if c.tag in HEADINGS:
                    flush()
                    walk(c)
                    flush(c.tag)
                elif c.tag in BLOCK:
                    buf.append(" ")
                    walk(c)
                    buf.append(" ")
                else:
                    walk(c)

    walk(root)
    flush()
    return out


def read_page(path):
    tb = TreeBuilder()
    with open(path, encoding="utf-8") as f:
        tb.feed(f.read())
    tb.close()
    body = find(tb.root, lambda n: n.tag == "body") or tb.root
    for tag in ("main", "article"):
        root = find(body, lambda n, t=tag: n.tag == t and not dropped(n))
        if root and any(t for _, t in blocks(root)):
            break
    else:
        root = body
    return blocks(root)


def passages(page_blocks):
    """The page's text cut before each h1/h2/h3; the text before the first heading is a passage too."""
    out, cur = [], []
    for kind, text in page_blocks:
        if kind in SPLIT_AT and cur:
            out.append(" ".join(cur))
            cur = []
        cur.append(text)
    if cur:
        out.append(" ".join(cur))
    return out


def norm(s):
    return " ".join(s.lower().split())


def tokens(s):
    return re.findall(r"[^\W_]+", s.lower())


class BM25:
    def __init__(self, docs):
        self.tfs = [Counter(tokens(d)) for d in docs]
        self.lens = [sum(tf.values()) for tf in self.tfs]
        self.avg = sum(self.lens) / len(self.lens)
        df = Counter(t for tf in self.tfs for t in tf)
        n = len(docs)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.postings = {}
        for i, tf in enumerate(self.tfs):
            for t in tf:
                self.postings.setdefault(t, []).append(i)

    def top(self, query, k):
        scores = Counter()
        for t in set(tokens(query)):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i in self.postings[t]:
                f = self.tfs[i][t]
                scores[i] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * self.lens[i] / self.avg))
        # ties broken by passage order, so runs agree
        return [i for i, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:k]]


def main(argv):
    ap = argparse.ArgumentParser(description="Checks bench/kb_questions.json and prints the BM25 baseline.")
    ap.add_argument("out", help="the directory bench/kb_corpus.sh wrote")
    ap.add_argument("--verbose", action="store_true", help="each question's rank and best passage")
    ap.add_argument("--questions", default=QUESTIONS, help="the questions (default bench/kb_questions.json)")
    ap.add_argument("--text", metavar="PAGE", help="print the text of help/PAGE.html as read here, and stop")
    opts = ap.parse_args(argv[1:])
    out, verbose = opts.out, opts.verbose
    english = os.path.join(out, "help")
    if not os.path.isdir(english):
        sys.exit(f"{english}: no such directory (run bench/kb_corpus.sh {out} first)")
    if opts.text:
        for kind, text in read_page(os.path.join(english, opts.text + ".html")):
            print(("#" * int(kind[1]) + " " if kind else "") + text)
        return 0
    with open(opts.questions, encoding="utf-8") as f:
        data = json.load(f)
    questions = data["questions"]

    english_text = {}
    for name in sorted(os.listdir(english)):
        if name.endswith(".html"):
            english_text[name[:-5]] = read_page(os.path.join(english, name))

    problems = []
    ids = [q.get("id") for q in questions]
    for d in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{d}: id used more than once")
    for q in questions:
        for key in ("id", "page", "answer", "helpCenterWords", "customerWords"):
            if not q.get(key):
                problems.append(f"{q.get('id', '?')}: no {key}")
        if not isinstance(q.get("answer"), list):
            problems.append(f"{q.get('id', '?')}: answer is not a list")
            q["answer"] = []
        page_blocks = english_text.get(q.get("page"))
        if page_blocks is None:
            problems.append(f"{q.get('id')}: page {q.get('page')} not in {english}")
            continue
        text = norm(" ".join(t for _, t in page_blocks))
        page_passages = [norm(p) for p in passages(page_blocks)]
        for phrase in q["answer"]:
            words = len(tokens(phrase))
            if not 2 <= words <= 8:
                problems.append(f"{q['id']}: answer {phrase!r} has {words} words (2-8)")
            if norm(phrase) not in text:
                problems.append(f"{q['id']}: answer {phrase!r} not in the text of {q['page']}")
            elif not any(norm(phrase) in p for p in page_passages):
                problems.append(f"{q['id']}: answer {phrase!r} spans two passages of {q['page']}")
            # A phrase many pages say does not show that a passage answers this question.
            elsewhere = [p for p, b in english_text.items() if norm(phrase) in norm(" ".join(t for _, t in b))]
            if len(elsewhere) > MAX_PAGES_A_PHRASE:
                problems.append(f"{q['id']}: answer {phrase!r} is on {len(elsewhere)} pages (at most "
                                f"{MAX_PAGES_A_PHRASE}): too common to tell an answer")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problems", file=sys.stderr)
        return 1
    pages = {q["page"] for q in questions}
    print(f"{len(questions)} questions on {len(pages)} pages: every page there, every answer in its page")

    # The index: every help*/ directory, as the sitemap lists them.
    docs, where = [], []
    dirs = sorted(d for d in os.listdir(out) if d == "help" or d.startswith("help-"))
    npages = 0
    for d in dirs:
        for name in sorted(os.listdir(os.path.join(out, d))):
            if not name.endswith(".html"):
                continue
            npages += 1
            for i, p in enumerate(passages(read_page(os.path.join(out, d, name)))):
                docs.append(norm(p))
                where.append(f"{d}/{name[:-5]}#{i}")
    index = BM25(docs)
    print(f"BM25 (k1 {K1}, b {B}) over {len(docs)} passages of {npages} pages ({', '.join(dirs)})")

    rows = []
    for label, key in (("help center", "helpCenterWords"), ("customer", "customerWords")):
        top1 = top3 = 0
        for q in questions:
            answers = [norm(a) for a in q["answer"]]
            best = index.top(q[key], 3)
            hits = [any(a in docs[i] for a in answers) for i in best]
            top1 += bool(hits[:1] and hits[0])
            top3 += any(hits)
            if verbose:
                rank = hits.index(True) + 1 if any(hits) else "-"
                print(f"  {q['id']} {label:11} rank {rank}  top: {where[best[0]] if best else '-'}  "
                      f"<- {q[key]}")
        rows.append((label, top1, top3))
    n = len(questions)
    print()
    print("| phrasing | top 1 | top 3 |")
    print("|---|---|---|")
    for label, top1, top3 in rows:
        print(f"| {label} | {top1}/{n} ({100 * top1 / n:.0f} %) | {top3}/{n} ({100 * top3 / n:.0f} %) |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
