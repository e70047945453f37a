#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUrl>

namespace tierdesk::web {

// A sitemap as the sitemaps.org protocol defines it, read with QXmlStreamReader: a <urlset> of
// pages or a <sitemapindex> of further sitemaps, each entry's <loc> and <lastmod>. A gzip body
// (a ".xml.gz" file, recognised by its magic bytes) is unpacked first. Elements of other
// namespaces (image:, news:, xhtml:link) are skipped, as is an entry whose <loc> is no absolute
// http(s) URL. Bounded as the protocol bounds a sitemap: 50,000 entries (the rest is left out
// and `truncated` set) and 50 MB unpacked.
struct Sitemap {
    static constexpr int kMaxEntries = 50000;
    static constexpr qsizetype kMaxBytes = 50 * 1000 * 1000;

    enum class Kind { UrlSet, Index };

    struct Entry {
        QUrl loc;
        // W3C Datetime (2024-05-01, 2024-05-01T10:00:00+02:00, ...) in UTC; invalid when absent or
        // unreadable. A year or a month alone is its first day; a date without a time is midnight UTC.
        QDateTime lastModified;
    };

    // InvalidArgument when the body is not well-formed XML, a broken gzip stream or its root is
    // neither <urlset> nor <sitemapindex>; LimitExceeded beyond kMaxBytes.
    static Result<Sitemap> parse(const QByteArray &body);

    Kind kind = Kind::UrlSet;
    QList<Entry> entries; // the pages of a <urlset>, the child sitemaps of a <sitemapindex>
    bool truncated = false; // more than kMaxEntries entries: the first kMaxEntries are kept
};

} // namespace tierdesk::web
