#!/usr/bin/env bash
# The console's translations against its sources (DESIGN.md practice 11).
#   scripts/check-translations.sh           runs lupdate over ui/ into a temporary copy of each
#                                            translations/*.ts and fails, naming the strings, when
#                                            a string is new (not yet translated), unfinished, or
#                                            no longer in the sources (make test, CI)
#   scripts/check-translations.sh --update  writes the new strings into translations/*.ts (marked
#                                            unfinished) and drops the vanished ones (make translations)
# Needs no build: lupdate reads the sources. Same options as qt_add_translations in ui/CMakeLists.txt.
# English is the source language: tierdesk_en.ts holds only the plural forms (-pluralonly), so
# "%n conversation(s)" reads "1 conversation" / "2 conversations".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$lupdate" ] || lupdate=$(command -v lupdate) || { echo "lupdate not found (qt6-l10n-tools)" >&2; exit 2; }
shopt -s nullglob
ts_files=(translations/*.ts)
[ ${#ts_files[@]} -gt 0 ] || { echo "no translations/*.ts" >&2; exit 2; }

# The options for one .ts file: the source language's only for its plurals.
options_for() {
  case "$1" in *_en.ts) echo "-pluralonly" ;; *) echo "" ;; esac
}

if [ "${1:-}" = "--update" ]; then
  for ts in "${ts_files[@]}"; do
    # shellcheck disable=SC2046
    "$lupdate" -silent -I . -locations none -no-obsolete $(options_for "$ts") ui -ts "$ts"
  done
  echo "Updated ${ts_files[*]}; translate the entries marked unfinished (linguist or an editor)." >&2
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ts in "${ts_files[@]}"; do
  copy="$tmp/$(basename "$ts")"
  cp "$ts" "$copy"
  # shellcheck disable=SC2046
  "$lupdate" -silent -I . -locations none $(options_for "$ts") ui -ts "$copy"
  python3 - "$ts" "$copy" <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET

checked_in, updated = sys.argv[1], sys.argv[2]
problems = []
for context in ET.parse(updated).getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
        empty = not (translation.text or "").strip() and not any((f or "").strip() for f in forms)
        if kind in ("vanished", "obsolete"):
            problems.append(f"  no longer in the sources: {name}: {source!r}")
        elif kind == "unfinished" or empty:
            problems.append(f"  not translated: {name}: {source!r}")
        elif message.get("numerus") == "yes" and any(not (f or "").strip() for f in forms):
            problems.append(f"  a plural form is missing: {name}: {source!r}")
if problems:
    print(f"{checked_in}: {len(problems)} string(s) to fix (make translations, then translate):")
    print("\n".join(problems))
    sys.exit(1)
PY
done
[ $status -eq 0 ] && echo "translations: ${ts_files[*]} complete and up to date"
exit $status
