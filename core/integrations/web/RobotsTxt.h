#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

namespace tierdesk::web {

// A site's robots.txt as RFC 9309 and Google read it, for one crawler: the group whose
// User-agent names the crawler's product token (case-insensitive; "Tierdesk/1.0" names it too),
// else the "*" group (several groups for the same agent are one). Allow and Disallow paths
// match from the path's start, `*` any run of characters and a final `$` the end; the longest
// matching path decides, and Allow wins a tie. Paths compare percent-encoded: non-ASCII bytes
// encoded, %xx in upper case, an encoded unreserved character (%41 for "A") decoded. Lines
// end with LF, CR or CRLF; '#' starts a comment; field names ignore case; rules before any
// User-agent and unknown fields are ignored. /robots.txt itself is always allowed.
//
// What the fetch answered decides which object to use (RFC 9309 section 2.3.1): 2xx parse(body);
// 4xx RobotsTxt() (everything allowed); 5xx or no answer disallowAll().
class RobotsTxt {
public:
    static constexpr qsizetype kMaxBytes = 500 * 1024; // what Google reads; the rest is ignored
    static constexpr double kMaxCrawlDelaySeconds = 10;
    static constexpr char kAgent[] = "Tierdesk";

    RobotsTxt() = default; // allows everything
    static RobotsTxt disallowAll();
    static RobotsTxt parse(const QByteArray &body, QByteArrayView agent = kAgent);

    // `path` is the URL's path with its query, as requested ("/help/a?lang=de"); empty means "/".
    bool allowed(const QString &path) const;
    bool allowed(const QUrl &url) const;
    // The group's Crawl-delay (decimals allowed), at most kMaxCrawlDelaySeconds; 0 when it has none.
    double crawlDelaySeconds() const { return m_crawlDelay; }
    // Every Sitemap line's absolute http(s) URL, wherever it stands, each once.
    const QList<QUrl> &sitemaps() const { return m_sitemaps; }

    struct Rule {
        QByteArray pattern; // normalised as paths are
        bool allow = false;
    };

private:
    bool allowedPath(const QByteArray &path) const;

    QList<Rule> m_rules;
    double m_crawlDelay = 0;
    QList<QUrl> m_sitemaps;
};

} // namespace tierdesk::web
