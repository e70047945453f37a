#pragma once

#include <QString>

namespace tierdesk::mail {

// The little markdown a reply may hold (from the AI tiers or an agent): **bold** (or __bold__),
// [text](url) links to http(s) or mailto addresses, lists ("- ", "* ", "1. "), paragraphs apart
// by an empty line. Anything else is text.
class ReplyMarkdown {
public:
    // For the text/plain part: bold loses its marks, a link becomes "text (url)", lists stay.
    static QString toPlain(const QString &markdown);
    // For the text/html part: <p> (lines joined by <br>), <ul>/<ol>, <strong>, <a href>;
    // everything else escaped. No images, nothing a client would load.
    static QString toHtml(const QString &markdown);
    // Plain text as HTML paragraphs: escaped, lines joined by <br>, no markdown read.
    static QString textToHtml(const QString &text);
};

} // namespace tierdesk::mail
