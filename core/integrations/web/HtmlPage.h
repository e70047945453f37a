#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace tierdesk::web {

// What a page's <meta name="robots"> (or name="tierdesk", for this crawler alone) asks for.
struct MetaRobots {
    bool noindex = false; // "noindex" or "none": the page is not to be kept
    bool nofollow = false; // "nofollow" or "none": its links are not to be followed
};

// A page of a company's help center, read for its knowledge base (DESIGN.md, "A company's own
// knowledge"): what the sync keeps of it (title, main content as text) and what the crawl needs
// (canonical address, links, robots directives). Parsed with gumbo as a browser would read it
// (GumboTree), so malformed pages read as they show. Every call parses on its own: safe on any
// thread.
struct HtmlPage {
    static constexpr qsizetype kMaxBytes = 4 * 1024 * 1024;

    // `html` as fetched from `url`; `charset` from the response's Content-Type when it named one,
    // else a byte order mark or <meta charset> decides (any charset Qt's converters know), else
    // UTF-8; an unknown charset reads as UTF-8, or as Latin-1 when the bytes are not UTF-8.
    // LimitExceeded beyond kMaxBytes, 50,000 tags or the parser's memory budget
    // (GumboTree::Limits): such a page is refused rather than kept in part.
    static Result<HtmlPage> parse(const QByteArray &html, const QUrl &url, const QByteArray &charset = {});

    QUrl url; // as given
    // The first <h1>'s text (in the main content first, then anywhere), else <title>'s; one line.
    QString title;
    // <link rel="canonical" href> in the head, resolved; empty when there is none or it is not
    // http(s).
    QUrl canonicalUrl;
    // Every <a href> of the page (navigation too: that is how a crawl finds pages), resolved
    // against <base href> or the page's address, without its #fragment, http(s) only, each once,
    // in document order; not rel="nofollow" links, nor the page itself.
    QList<QUrl> links;
    MetaRobots robots;
    // The main content as text: <main>, else <article>, else the element with role="main", else
    // <body>; the first of these that holds any words. Site chrome is left out wherever it is:
    // <nav>, <aside>, <footer> (the page's, and an article's votes and related links), the page's
    // own <header> (one outside <article>, <section>, <main>, <aside> and <nav>), forms, buttons,
    // ARIA's navigation, search, banner, contentinfo and complementary roles, and what is never
    // text (HtmlTextWriter). Headings are Markdown lines ("## Returns") so the text splits into
    // passages at them; list items are "- " lines, table cells " | " apart.
    QString text;
};

} // namespace tierdesk::web
