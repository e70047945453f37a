#pragma once

#include <QString>

namespace tierdesk::mail {

// An HTML mail part as plain text, for mail that has no text/plain part. Hand-written and small
// on purpose: no QtGui, no layout engine, nothing fetched. Drops script, style, head and comments;
// block elements and <br> become line breaks, list items "- ", links "text (url)" when the text
// is not the address itself; entities are decoded (named and numeric); whitespace is collapsed
// outside <pre>. Any input is safe: unclosed tags, stray '<' and broken entities included, and
// the work is linear in the input.
class HtmlText {
public:
    static QString toText(const QString &html);
};

} // namespace tierdesk::mail
