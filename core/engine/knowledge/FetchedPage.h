#pragma once

#include <QByteArray>
#include <QString>

namespace tierdesk {

// One page (or help-center article) as a sync read it, for KbSync to compare with what the
// knowledge base holds.
struct FetchedPage {
    enum class Outcome {
        Page, // read: title and text below
        NotModified, // 304: the article stays as it is
        Gone, // 404, 410, or the page asks not to be indexed: its article goes
        Failed, // a timeout, a 5xx, a page that could not be read: its article stays
        Skipped, // read, but no article of its own: a duplicate of a page met before, a start page
                 // outside the include paths
    };
    Outcome outcome = Outcome::Page;
    QString requestedUrl; // as listed or linked
    QString url; // the article's address: the page's canonical one when it names one on the same site
    QString title;
    QString text; // Markdown: headings as "#" lines
    QString keywords;
    QString etag;
    QString lastModified;
    QString error; // Failed: why, for the source's page

    // What decides whether a page's article changed when the server cannot say (no 304).
    QString contentHash() const;
};

} // namespace tierdesk
