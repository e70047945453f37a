#pragma once

#include <QString>

namespace tierdesk::mail {

// An HTML mail part as plain text, for mail that has no text/plain part: parsed by gumbo as a
// browser parses it (web::GumboTree) and written as text by web::HtmlTextWriter, the same code
// that reads a help center's pages. The whole body, not a main content: head, scripts, styles,
// comments and hidden elements dropped; block elements and <br> become line breaks, list items
// "- ", table rows lines, links "text (url)" when the text is not the address itself; entities
// decoded as browsers decode them; white space collapsed outside <pre>. Any input is safe: beyond
// the parser's limits (GumboTree::Limits) the start of the part is read, and a part built to
// exhaust the parser's memory reads as no text.
class HtmlText {
public:
    static QString toText(const QString &html);
};

} // namespace tierdesk::mail
