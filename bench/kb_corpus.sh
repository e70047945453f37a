#!/usr/bin/env bash
# A public help center for the knowledge-answer bench (bench/README.md, "Knowledge answers on a
# public help center"): GNOME Help from Debian's gnome-user-docs (Mallard pages, CC BY-SA 3.0),
# rendered to static HTML by yelp-build (yelp-tools), so the bench imports pages nobody here wrote.
# Usage: bench/kb_corpus.sh <out-dir> [--languages N]
#   <out-dir>/help/           the English pages (/usr/share/help/C/gnome-help), one .html a page
#   <out-dir>/help-<lang>/    with --languages N, the first N other languages (C collation order:
#                             as ca cs da de el ...), 293 pages each; N=6 gives 2,051 pages in all
#   <out-dir>/sitemap.xml     every page as http://__BASE__/help/<page>.html: the bench replaces
#                             __BASE__ with the loopback address it serves <out-dir> on
#   <out-dir>/robots.txt      everything allowed
# Needs gnome-user-docs and yelp-tools (scripts/install-deps.sh with TIERDESK_WITH_BENCH=1).
#
# What yelp-build writes (yelp-tools 42.1, yelp-xsl 42), which an importer parses:
#   <body><main><div class="page">
#     <header>  the trail ("Help » Tips & tricks »") in <div class="trails" role="navigation">
#     <article>
#       <nav class="prevnext">      only on the pages of a series (the wireless troubleshooter)
#       <div class="hgroup"><h1 class="title"><span class="title">Page title</span></h1>
#                                   (<h2 class="subtitle"> after it on the series' pages)
#       <div class="region"><div class="contents">  the text before the first section
#       <section id="..."><div class="inner"><div class="hgroup"><h2 class="title">...  one per
#                                   Mallard section; sections never nest in gnome-help. Titles of
#                                   step lists, tables and notes are a level below: h2 at the
#                                   page's top, h3 in a section (in a <div class="title">)
#       <section class="links" role="navigation">  "More Information" / "See Also" link lists
#                                   (h2, their groups h3). A guide page's own topic lists (index,
#                                   net, power...) are not in it: <div class="links topiclinks">,
#                                   "title — description" lines that stay in the text
#     </article>
#     <footer>  "About": copyright, authors, the licence (an h2 too)
#   <title> is the page's title alone, the same text as its <h1>, on every page. So <main>, the
#   first main-content candidate, holds the text, the trail, the link lists and the footer; with
#   <nav>, <footer> and role="navigation" dropped, what is left is the h1, the text, its h2s and h3s.
set -euo pipefail

usage() { echo "usage: $0 <out-dir> [--languages N]" >&2; exit 2; }
[ $# -ge 1 ] || usage
out=$1; shift
languages=0
while [ $# -gt 0 ]; do
  case $1 in
    --languages) [ $# -ge 2 ] || usage; languages=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $languages =~ ^[0-9]+$ ]] || usage

help_root=/usr/share/help
if [ ! -d "$help_root/C/gnome-help" ] || ! command -v yelp-build >/dev/null; then
  echo "needs gnome-user-docs and yelp-tools: TIERDESK_WITH_BENCH=1 scripts/install-deps.sh" >&2
  exit 1
fi

# The other languages in a fixed order, so "the first N" is the same set on every machine.
mapfile -t others < <(cd "$help_root" && for d in */gnome-help; do
  [ "${d%/gnome-help}" = C ] || echo "${d%/gnome-help}"; done | LC_ALL=C sort)
if [ "$languages" -gt "${#others[@]}" ]; then
  echo "only ${#others[@]} other languages installed; --languages $languages asked" >&2
  exit 1
fi
langs=(C "${others[@]:0:$languages}")

mkdir -p "$out"
out=$(cd "$out" && pwd)
# A rebuild is needed only when a package changed: the stamp names both versions.
stamp="$(dpkg-query -W -f='${Package} ${Version}\n' gnome-user-docs yelp-tools 2>/dev/null || true)"

dir_of() { if [ "$1" = C ]; then echo help; else echo "help-$1"; fi; }

for lang in "${langs[@]}"; do
  src=$help_root/$lang/gnome-help
  dest=$out/$(dir_of "$lang")
  pages=$(find "$src" -maxdepth 1 -name '*.page' | wc -l)
  if [ -f "$dest/.kb_corpus" ] && [ "$(cat "$dest/.kb_corpus")" = "$stamp" ] &&
     [ "$(find "$dest" -maxdepth 1 -name '*.html' | wc -l)" -eq "$pages" ]; then
    continue
  fi
  # Built beside and swapped in whole: a run that stops half-way leaves no half-built language,
  # and a page the package no longer has does not linger.
  tmp=$out/.build-$lang
  rm -rf "$tmp"; mkdir -p "$tmp"
  # -i: a translation may lack a figure the English pages have; the text is what matters here
  yelp-build html -i -o "$tmp" "$src"
  printf '%s\n' "$stamp" >"$tmp/.kb_corpus"
  rm -rf "$dest"; mv "$tmp" "$dest"
done

# Languages built by an earlier run with a larger N: gone, so the tree is what the arguments say.
for d in "$out"/help-*; do
  [ -f "$d/.kb_corpus" ] || continue
  keep=0
  for lang in "${langs[@]}"; do [ "$d" = "$out/$(dir_of "$lang")" ] && keep=1; done
  [ $keep = 1 ] || rm -rf "$d"
done

{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
  for lang in "${langs[@]}"; do
    d=$(dir_of "$lang")
    # URL-safe as they are: page ids are [a-z0-9-], language dirs letters, "_" and "@"
    find "$out/$d" -maxdepth 1 -name '*.html' -printf '%f\n' | LC_ALL=C sort | while read -r f; do
      echo "  <url><loc>http://__BASE__/$d/$f</loc></url>"
    done
  done
  echo '</urlset>'
} >"$out/sitemap.xml.tmp"
mv "$out/sitemap.xml.tmp" "$out/sitemap.xml"
printf 'User-agent: *\nAllow: /\n' >"$out/robots.txt"

total=0
for lang in "${langs[@]}"; do
  d=$(dir_of "$lang")
  n=$(find "$out/$d" -maxdepth 1 -name '*.html' | wc -l)
  total=$((total + n))
  echo "$d: $n pages"
done
echo "$total pages written, $(grep -c '<loc>' "$out/sitemap.xml") in $out/sitemap.xml"
