#!/usr/bin/env python3
"""The house's rules (DESIGN.md, "Layout" and "Practices") checked over the tracked files.

scripts/check-house.sh runs this (make check-house, make test, CI). Each violation is printed as
`path:line: rule: what`; the exit status is 1 when there is any, 0 when there is none.

Every rule is one function below, registered with @rule(name, applies_to). It receives a
SourceFile (its path, its raw lines, its lines without comments, its lines without comments and
without the contents of string literals, and its string literals) and yields (line, what) for
each violation. To add a rule: write one more such function in the "Rules" section (there is a
marked place for the next one) and, if it needs them, a path predicate beside the others. Nothing
else changes.

C and C++ files are read by a small lexer (comments, string and character literals, raw strings,
digit separators), so a rule over code never sees prose in comments, and a rule over string
literals sees adjacent literals ("SELECT a" " FROM b") joined as the compiler joins them.
"""

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, List, Optional, Tuple

CPP_SUFFIXES = (".cpp", ".h", ".c", ".cc", ".hpp")

# ---------------------------------------------------------------------------------------------
# Reading a file
# ---------------------------------------------------------------------------------------------


@dataclass
class Literal:
    line: int  # where it starts (1-based)
    text: str  # its contents, adjacent literals joined


@dataclass
class SourceFile:
    path: str  # relative to the repository's root, with /
    text: str
    lines: List[str]  # raw
    code: List[str] = field(default_factory=list)  # comments blanked, literals kept
    bare: List[str] = field(default_factory=list)  # comments and literals' contents blanked
    literals: List[Literal] = field(default_factory=list)

    @property
    def is_cpp(self) -> bool:
        return self.path.endswith(CPP_SUFFIXES)

    def under(self, *folders: str) -> bool:
        return any(self.path.startswith(f.rstrip("/") + "/") for f in folders)


RAW_PREFIXES = {"R", "u8R", "uR", "UR", "LR"}
RAW_OPENING = re.compile(r'"([^()\\\s]{0,16})\(')


def lex_cpp(text: str) -> Tuple[str, str, List[Literal]]:
    """(code, bare, literals): `code` is the text with comments blanked (newlines kept), `bare` also
    has the contents of string and character literals blanked (their quotes kept); `literals`
    are the string literals, adjacent ones joined."""
    n = len(text)
    code: List[str] = []
    bare: List[str] = []
    literals: List[Literal] = []
    line = 1
    i = 0
    adjacent = False  # only blanks since the last string literal ended

    def blank(s: str) -> str:
        return re.sub(r"[^\n]", " ", s)

    def emit(code_part: str, bare_part: str) -> None:
        nonlocal adjacent
        code.append(code_part)
        bare.append(bare_part)
        if code_part.strip():
            adjacent = False

    def emit_literal(start_line: int, source: str, contents: str) -> None:
        nonlocal adjacent
        if adjacent and literals:
            literals[-1].text += contents
        else:
            literals.append(Literal(start_line, contents))
        code.append(source)
        bare.append(source[0] + blank(source[1:-1]) + source[-1])
        adjacent = True

    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            emit(blank(text[i:j]), blank(text[i:j]))
            i = j
        elif c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            emit(blank(text[i:j]), blank(text[i:j]))
            line += text.count("\n", i, j)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            raw = RAW_OPENING.match(text, j) if word in RAW_PREFIXES else None
            if raw:
                end = text.find(")" + raw.group(1) + '"', raw.end())
                end = n if end < 0 else end
                close = min(n, end + len(raw.group(1)) + 2)
                emit(word, word)
                emit_literal(line, text[j:close], text[raw.end() : end])
                line += text.count("\n", j, close)
                i = close
                continue
            emit(word, word)
            i = j
        elif c.isdigit():
            # A number: digits, letters (hex, suffixes, exponents), dots and ' separators.
            j = i + 1
            while j < n:
                d = text[j]
                if d.isalnum() or d in "._" or (d == "'" and j + 1 < n and text[j + 1].isalnum()):
                    j += 1
                elif d in "+-" and text[j - 1] in "eEpP" and not text[i : i + 2].lower() == "0x":
                    j += 1
                else:
                    break
            emit(text[i:j], text[i:j])
            i = j
        elif c == '"' or c == "'":
            # Up to the closing quote, or to the line's end if there is none (a stray apostrophe).
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            terminated = j < n and text[j] == c
            close = j + 1 if terminated else j
            source = text[i:close]
            if c == '"' and terminated:
                emit_literal(line, source, unescape(text[i + 1 : close - 1]))
            else:
                emit(source, c + blank(source[1:-1]) + source[-1] if terminated else c + blank(source[1:]))
            i = close
        else:
            if c == "\n":
                line += 1
            emit(c, c)
            i += 1
    return "".join(code), "".join(bare), literals


def unescape(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def parse(path: str, text: str) -> SourceFile:
    source = SourceFile(path, text, text.split("\n"))
    if source.is_cpp:
        code, bare, source.literals = lex_cpp(text)
        source.code, source.bare = code.split("\n"), bare.split("\n")
    else:
        source.code = source.bare = source.lines
    return source


def read_file(path: str) -> Optional[SourceFile]:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except (IsADirectoryError, FileNotFoundError):
        return None  # a submodule, or deleted in the work tree
    if "\0" in text:
        return None  # binary
    return parse(path, text)


def line_of(text: str, index: int, first_line: int = 1) -> int:
    return first_line + text.count("\n", 0, index)


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

Violation = Tuple[int, str]  # line, what
Rule = Callable[[SourceFile], Iterable[Violation]]
RULES: List[Tuple[str, Callable[[SourceFile], bool], Rule]] = []


def rule(name: str, applies_to: Callable[[SourceFile], bool]):
    def register(check: Rule) -> Rule:
        RULES.append((name, applies_to, check))
        return check

    return register


def product_cpp(f: SourceFile) -> bool:
    """The program's own C++ (core/, ui/, app/): not tests, fuzzers or benchmarks."""
    return f.is_cpp and f.under("core", "ui", "app")


# --- SQL only in core/store -------------------------------------------------------------------
# A string literal holding an SQL statement's opening (upper-case keywords, as every statement
# here is written): SELECT ... FROM, INSERT INTO, UPDATE <table> SET, DELETE FROM, CREATE/ALTER/
# DROP TABLE or INDEX. English prose ("select a file from the list") is not upper-case.
SQL = re.compile(
    r"\bSELECT\b[\s\S]*?\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(?:CREATE|ALTER|DROP)\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b"
)


@rule("sql-only-in-store", lambda f: product_cpp(f) and not f.under("core/store"))
def sql_only_in_store(f: SourceFile) -> Iterator[Violation]:
    for lit in f.literals:
        m = SQL.search(lit.text)
        if m:
            yield line_of(lit.text, m.start(), lit.line), f"SQL outside core/store: {short(m.group(0))}"


# --- no store headers in api, ui or app -------------------------------------------------------
STORE_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](core/store/[^>"]+)[>"]')


@rule("no-store-in-api-ui-app", lambda f: f.is_cpp and f.under("core/api", "ui", "app"))
def no_store_headers(f: SourceFile) -> Iterator[Violation]:
    for number, text in enumerate(f.code, 1):
        m = STORE_INCLUDE.match(text)
        if m:
            yield number, f"includes {m.group(1)} (api, ui and app ask the engine, never the store)"


# --- no Qt JSON in core/domain or core/store headers ------------------------------------------
QT_JSON = re.compile(r"\bQJson\w*")


@rule(
    "no-json-in-domain-store-headers",
    lambda f: f.path.endswith((".h", ".hpp")) and f.under("core/domain", "core/store"),
)
def no_qt_json_in_headers(f: SourceFile) -> Iterator[Violation]:
    for number, text in enumerate(f.bare, 1):
        m = QT_JSON.search(text)
        if m:
            yield number, f"{m.group(0)} in a domain or store header (JSON is an API family's wire format)"


# --- no HTTP status literals in core/engine ---------------------------------------------------
# Strict on purpose, so that nothing needs judging: in core/engine's code (comments and strings
# aside) an integer literal from 100 to 599 is taken for an HTTP status, unless it is
#   - the whole initializer of a named declaration: `constexpr int kStaleBatch = 500;`,
#     `int limit = 100;` in a struct (the name says what it is), unless that name reads as a
#     status (status, http, code);
#   - a length a string is cut to or compared with: `.left(500)`, `.mid(0, 200)`, `.truncate(`,
#     `size() > 128` and the like (no status is one);
#   - an operand of * or /: `256 * 1024`, `x / 100` (a quantity, not a code).
# Anything else is flagged: `== 404`, `status = 503`, `return 200;`, `case 429:`, but also
# `qMax(100, x)` or `find(x, 500)`: name the number (a k<Name> constant beside its use). The engine
# speaks of outcomes in ErrorKind (DESIGN.md, "Errors"); the API families map them to HTTP, and
# integrations/ read the HTTP answers of other systems.
THREE_DIGITS = re.compile(r"(?<![\w.'])([1-5]\d\d)(?![\w.'])")
NAMED_DECLARATION = re.compile(
    r"(?:^|[;{}])\s*(?:(?:static|constexpr|const|inline|mutable|thread_local)\s+)*"
    r"(?!(?:return|else|case|co_return|throw|goto)\b)[A-Za-z_][\w:]*(?:<[\w:, ]*>)?[\s*&]+"
    r"(?P<name>[A-Za-z_]\w*)\s*(?:=|\{)\s*$"
)
STATUS_NAME = re.compile(r"(?i)status|http|code")
AFTER_INITIALIZER = re.compile(r"^\s*[;},]")
STRING_LENGTH = re.compile(
    r"\.(?:left|right|mid|truncate|chopped|chop|first|last|sliced|resize|reserve)\s*\(\s*(?:[^()]*,\s*)?$"
    r"|\b(?:size|length|count)\s*\(\s*\)\s*(?:[<>]=?|==|!=)\s*$"
)
SCALE_BEFORE = re.compile(r"[*/]\s*$")
SCALE_AFTER = re.compile(r"^\s*[*/]")


def named_value(before: str, after: str) -> bool:
    m = NAMED_DECLARATION.search(before)
    return bool(m) and not STATUS_NAME.search(m.group("name")) and bool(AFTER_INITIALIZER.match(after))


@rule("no-http-status-in-engine", lambda f: f.is_cpp and f.under("core/engine"))
def no_http_status_literals(f: SourceFile) -> Iterator[Violation]:
    for number, text in enumerate(f.bare, 1):
        for m in THREE_DIGITS.finditer(text):
            before, after = text[: m.start()], text[m.end() :]
            if named_value(before, after) or STRING_LENGTH.search(before):
                continue
            if SCALE_BEFORE.search(before) or SCALE_AFTER.match(after):
                continue
            yield number, f"literal {m.group(1)} reads as an HTTP status: name it (a k<Name> constant)"


# --- no sleeps in tests -----------------------------------------------------------------------
# Tests wait on a condition (QSignalSpy::wait, QTRY_VERIFY, QTest::qWaitFor, qWaitForWindowExposed),
# never for a time (DESIGN.md practice 16).
SLEEP = re.compile(
    r"\bqWait\s*\(|\bqSleep\s*\(|\b(?:QThread\s*::\s*)?(?:u|m)?sleep\s*\(|\bnanosleep\s*\("
    r"|\bthis_thread\s*::\s*sleep_(?:for|until)\b"
)


@rule("no-sleep-in-tests", lambda f: f.is_cpp and f.under("tests"))
def no_sleeps_in_tests(f: SourceFile) -> Iterator[Violation]:
    for number, text in enumerate(f.bare, 1):
        m = SLEEP.search(text)
        if m:
            what = re.sub(r"\s+", "", m.group(0)).rstrip("(")
            yield number, f"{what} waits for a time: wait on a condition (QTRY_VERIFY, QSignalSpy::wait, qWaitFor)"


# --- no .cpp over 600 lines in core, ui and app -----------------------------------------------
MAX_CPP_LINES = 600


@rule("cpp-at-most-600-lines", lambda f: f.path.endswith(".cpp") and f.under("core", "ui", "app"))
def cpp_file_length(f: SourceFile) -> Iterator[Violation]:
    count = f.text.count("\n") + (0 if f.text.endswith("\n") or not f.text else 1)
    if count > MAX_CPP_LINES:
        yield MAX_CPP_LINES + 1, f"{count} lines (at most {MAX_CPP_LINES}): split it along a seam"


# --- no widgets in core -----------------------------------------------------------------------
# In core/'s C++: an include of a QtWidgets header (<QtWidgets/...>, <QtWidgets>, or a class
# header of the QtWidgets module: the usual ones below, and every one of the installed module's
# when Qt's headers are installed). In core/'s CMake files: the Widgets component or target.
COMMON_WIDGET_HEADERS = {
    "QApplication", "QWidget", "QMainWindow", "QDialog", "QMessageBox", "QLabel", "QPushButton",
    "QLineEdit", "QTextEdit", "QPlainTextEdit", "QComboBox", "QCheckBox", "QSpinBox", "QTableView",
    "QTreeView", "QListView", "QHeaderView", "QStyle", "QStyledItemDelegate", "QMenu", "QMenuBar",
    "QToolBar", "QStatusBar", "QSystemTrayIcon", "QFileDialog", "QLayout", "QBoxLayout",
    "QVBoxLayout", "QHBoxLayout", "QGridLayout", "QFormLayout", "QSplitter", "QTabWidget",
    "QStackedWidget", "QScrollArea", "QAbstractItemView", "QAbstractButton", "QToolButton",
    "QProgressBar", "QGroupBox", "QDockWidget", "QWizard", "QInputDialog", "QCompleter",
}


def widget_headers() -> set:
    headers = set(COMMON_WIDGET_HEADERS)
    for folder in ("/usr/include/x86_64-linux-gnu/qt6/QtWidgets", "/usr/include/aarch64-linux-gnu/qt6/QtWidgets",
                   "/usr/include/qt6/QtWidgets"):
        if os.path.isdir(folder):
            headers |= {h for h in os.listdir(folder) if re.fullmatch(r"Q[A-Za-z]+", h)}
    return headers


WIDGET_HEADERS = widget_headers()
QT_INCLUDE = re.compile(r"^\s*#\s*include\s*<(?:Qt\w+/)?(Q\w+)>")
WIDGETS_MODULE_INCLUDE = re.compile(r"^\s*#\s*include\s*<QtWidgets\b")
CMAKE_WIDGETS = re.compile(r"\bWidgets\b")


@rule(
    "no-widgets-in-core",
    lambda f: f.under("core") and (f.is_cpp or f.path.endswith(("CMakeLists.txt", ".cmake"))),
)
def no_widgets_in_core(f: SourceFile) -> Iterator[Violation]:
    if not f.is_cpp:
        for number, text in enumerate(f.lines, 1):
            if CMAKE_WIDGETS.search(text.split("#", 1)[0]):
                yield number, "links QtWidgets (core is never a widget library)"
        return
    for number, text in enumerate(f.code, 1):
        m = QT_INCLUDE.match(text)
        if WIDGETS_MODULE_INCLUDE.match(text) or (m and m.group(1) in WIDGET_HEADERS):
            yield number, f"includes a QtWidgets header ({text.strip()}): core never uses widgets"


# --- no company in the engine ------------------------------------------------------------------
# What a company's AI says of it comes from that company's data (the demo company's is under
# resources/demo): core/ holds no company's names, contact or menus, in code or comments, and
# writes no amount with a currency sign of its own (Phrases::money, formatMoney: the company's).
COMPANY_FACTS = [
    (re.compile(r"northwind", re.I), "the demo company's name"),
    (re.compile(r"trail[ -]?club", re.I), "the demo company's membership"),
    (re.compile(r"Account\s*>"), "the demo company's account menu"),
    (re.compile(r"415[ .-]?555[ .-]?9999"), "the demo company's phone number"),
]
# An amount written with the sign: "$%1", "$25". A lone "$" is a sign read in what customers write
# or say (slots, speech), and the demo's scripted conversations (DemoDesk, DemoLoad) are the demo's
# customers' own words.
DOLLAR = re.compile(r"\$%\d|\$\d")
DEMO_SCRIPTS = ("core/engine/desk/DemoDesk.cpp", "core/engine/desk/DemoLoad.cpp")


@rule("no-company-in-core", lambda f: f.is_cpp and f.under("core"))
def company_facts(f: SourceFile) -> Iterator[Violation]:
    for number, text in enumerate(f.lines, 1):
        for pattern, what in COMPANY_FACTS:
            if pattern.search(text):
                yield number, f"names {what}: a company's facts are its data (resources/demo for the demo's)"
    for lit in f.literals:
        if DOLLAR.search(lit.text) and f.path not in DEMO_SCRIPTS:
            yield lit.line, (
                f"writes an amount with a hard-coded $ ({lit.text[:30]!r}): amounts are in the company's "
                "currency (Phrases::money, formatMoney)"
            )


# --- the next rule goes here ------------------------------------------------------------------
# A rule is a function and its scope; its examples go in EXAMPLES below. For instance, a rule over
# what core/'s strings say (f.literals: each with its line and text, adjacent ones joined):
#
# @rule("rule-name", lambda f: f.is_cpp and f.under("core"))
# def what_it_forbids(f: SourceFile) -> Iterator[Violation]:
#     for lit in f.literals:  # or: for number, text in enumerate(f.bare / f.code / f.lines, 1)
#         if ...:
#             yield lit.line, "what is wrong, and what to do instead"


# ---------------------------------------------------------------------------------------------
# Examples: each rule against a few lines it must flag and lines it must let pass
# (scripts/check-house.sh --self-test; make check-house runs it first). Add a new rule's here.
# ---------------------------------------------------------------------------------------------

EXAMPLES = [
    # (rule, path, text, how many violations)
    ("no-company-in-core", "core/engine/x.cpp", '// like Northwind\'s Trail Club\nauto p = QStringLiteral("$%1");', 3),
    ("no-company-in-core", "core/engine/x.cpp", 'say(QStringLiteral("under Account > Orders")); f(QLatin1Char(\'$\'));', 1),
    ("no-company-in-core", "core/engine/x.cpp", 'QRegularExpression re(QStringLiteral("^\\\\$")); f(QStringLiteral("$"));', 0),
    ("no-company-in-core", "core/engine/x.cpp", 'm.content = QStringLiteral("Refunded $25.00");', 1),
    ("no-company-in-core", "tests/engine/x.cpp", 'QCOMPARE(reply, QStringLiteral("$79.00 at Northwind"));', 0),
    ("sql-only-in-store", "core/engine/x.cpp", 'q = QStringLiteral("SELECT id"\n " FROM t WHERE a = ?");', 1),
    ("sql-only-in-store", "ui/x.cpp", 'auto s = R"(UPDATE t SET a = 1)"; d("DELETE FROM t");', 2),
    ("sql-only-in-store", "core/store/x.cpp", 'q = QStringLiteral("SELECT id FROM t");', 0),
    ("sql-only-in-store", "ui/x.cpp", 'tr("Select a file from the list"); // SELECT a FROM b', 0),
    ("no-store-in-api-ui-app", "core/api/cs/X.cpp", '#include "core/store/Store.h"', 1),
    ("no-store-in-api-ui-app", "app/X.cpp", '// #include "core/store/Store.h"\n#include "core/engine/X.h"', 0),
    ("no-json-in-domain-store-headers", "core/domain/X.h", "#include <QJsonObject>\nQJsonObject o;", 2),
    ("no-json-in-domain-store-headers", "core/store/X.h", "QVariantMap m; // not a QJsonObject", 0),
    ("no-json-in-domain-store-headers", "core/store/X.cpp", "QJsonObject o;", 0),
    ("no-http-status-in-engine", "core/engine/x.cpp",
     "if (a.status == 404) return 503;\nswitch (c) { case 429: }\nfind(x, 500);\nint status = 200;", 5),
    ("no-http-status-in-engine", "core/engine/x.cpp",
     "constexpr int kStaleBatch = 500;\nint limit = 100;\ns.left(500); if (s.size() > 128) {}\n"
     "const int bytes = 256 * 1024;\nQStringLiteral(\"HTTP 404\"); // 503\nint n = 1'000'500; x = 0x1F4;", 0),
    ("no-sleep-in-tests", "tests/ui/tst_x.cpp",
     "QTest::qWait(1000);\nQThread::msleep(5);\nstd::this_thread::sleep_for(1s);\nsleep(1);", 4),
    ("no-sleep-in-tests", "tests/ui/tst_x.cpp",
     "QVERIFY(QTest::qWaitForWindowExposed(&w));\nQTest::qWaitFor([] { return true; });\n"
     "QTRY_VERIFY(x); // not QTest::qWait(10)\nspy.wait();", 0),
    ("cpp-at-most-600-lines", "core/x.cpp", "int a;\n" * 601, 1),
    ("cpp-at-most-600-lines", "ui/x.cpp", "int a;\n" * 600, 0),
    ("no-widgets-in-core", "core/x.cpp", "#include <QWidget>\n#include <QtWidgets/QLabel>\n#include <QtWidgets>", 3),
    ("no-widgets-in-core", "core/CMakeLists.txt", "# no QtWidgets here\ntarget_link_libraries(x Qt6::Widgets)", 1),
    ("no-widgets-in-core", "core/x.cpp", "#include <QObject>\n// #include <QWidget>", 0),
]


def self_test() -> int:
    failures = 0
    for name, path, text, expected in EXAMPLES:
        source = parse(path, text)
        found = [
            (number, what)
            for rule_name, applies, check in RULES
            if rule_name == name and applies(source)
            for number, what in check(source)
        ]
        if len(found) != expected:
            failures += 1
            print(f"self-test: {name} on {path}: {len(found)} violation(s), expected {expected}: {found}")
    unknown = {name for name, *_ in EXAMPLES} ^ {name for name, *_ in RULES}
    for name in sorted(unknown):
        failures += 1
        print(f"self-test: {name}: a rule without examples, or examples without a rule")
    if failures:
        return 1
    print(f"check-house: self-test: {len(EXAMPLES)} examples of {len(RULES)} rules as expected")
    return 0


# ---------------------------------------------------------------------------------------------
# Running them
# ---------------------------------------------------------------------------------------------


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def tracked_files(root: str) -> List[str]:
    out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True, capture_output=True).stdout
    return sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)


def main(argv: List[str]) -> int:
    if "--self-test" in argv:
        return self_test()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.chdir(root)
    wanted = [a for a in argv if not a.startswith("-")]  # paths to check (default: every tracked file)
    try:
        paths = tracked_files(root)
    except (subprocess.CalledProcessError, FileNotFoundError) as e:
        print(f"check-house: cannot list the tracked files: {e}", file=sys.stderr)
        return 2
    if wanted:
        paths = [p for p in paths if any(p == w or p.startswith(w.rstrip("/") + "/") for w in wanted)]
    found = 0
    for path in paths:
        candidates = [r for r in RULES if r[1](SourceFile(path, "", []))]
        if not candidates:
            continue
        source = read_file(path)
        if source is None:
            continue
        for name, _, check in candidates:
            for number, what in check(source):
                print(f"{path}:{number}: {name}: {what}")
                found += 1
    if found:
        print(f"check-house: {found} violation(s) of the house's rules (DESIGN.md)", file=sys.stderr)
        return 1
    print(f"check-house: {len(RULES)} rules over {len(paths)} tracked files, no violation")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
