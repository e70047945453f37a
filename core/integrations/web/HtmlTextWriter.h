#pragma once

#include <QString>

#include <gumbo.h>

#include <functional>

namespace tierdesk::web {

// The text of an element of a parsed HTML document (GumboTree), laid out as plain text: block
// elements on their own lines, paragraphs, headings, lists, tables and <pre> one blank line apart;
// <br> a line break; each <li> a "- " line, indented two spaces a level of nesting; table cells
// on one line per row, apart by Options::cellSeparator; white space collapsed outside <pre>;
// entities decoded (gumbo does). Never text: <head>, <title>, <script>, <style>, <noscript>,
// <template>, <svg>, <iframe>, <xml> (Office's mail islands), comments, and elements that are not
// shown (the `hidden` attribute, aria-hidden="true", an inline display:none). Iterative: any depth
// of nesting is safe.
class HtmlTextWriter {
public:
    struct Options {
        // h1 to h6 as Markdown lines ("# Title", "## Section", ...), so that the text can be split
        // into passages at its headings; else a heading is a paragraph.
        bool markdownHeadings = false;
        // A link's address in parentheses after its text, when it is one a reader can use
        // (http, https, mailto, tel, ftp) and the text does not already say it.
        bool linkTargets = false;
        QString cellSeparator = QStringLiteral(" ");
        // Elements to leave out with everything in them, beside those that are never text.
        std::function<bool(const GumboNode *)> drop;
    };

    static QString text(const GumboNode *top, const Options &options);
    // The text of a short element (a title, a heading) on one line.
    static QString line(const GumboNode *top);
    // Whether the element is never text (see above).
    static bool isNeverText(const GumboNode *element);
};

} // namespace tierdesk::web
