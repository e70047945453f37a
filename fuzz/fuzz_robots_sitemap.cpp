// Fuzzes the crawl's rule and index files (core/integrations/web): the input is read both as a
// robots.txt (RobotsTxt) and as a sitemap (Sitemap; gunzipped when it starts with gzip's magic).
// Properties: robots.txt never refuses, its crawl delay is within 0 and 10 seconds, its sitemaps
// are absolute http(s) addresses, each once, /robots.txt is always allowed, nothing is disallowed
// without a Disallow line and every path gets the same answer twice; a sitemap is read or refused
// (InvalidArgument or LimitExceeded, with a message), and one read keeps the entry bound, has
// http(s) locations and UTC times.
#include "core/integrations/web/RobotsTxt.h"
#include "core/integrations/web/Sitemap.h"
#include "fuzz/FuzzCheck.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::web;

namespace {

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

void checkRobots(const QByteArray &body)
{
    const RobotsTxt robots = RobotsTxt::parse(body);
    fuzz::check(robots.crawlDelaySeconds() >= 0 && robots.crawlDelaySeconds() <= RobotsTxt::kMaxCrawlDelaySeconds,
        "the crawl delay is within 0 and 10 seconds", QByteArray::number(robots.crawlDelaySeconds()));
    QSet<QUrl> seen;
    for (const QUrl &sitemap : robots.sitemaps()) {
        fuzz::check(isWebUrl(sitemap), "sitemaps are http(s) addresses", sitemap.toEncoded());
        fuzz::check(!seen.contains(sitemap), "each sitemap once", sitemap.toEncoded());
        seen.insert(sitemap);
    }
    fuzz::check(robots.allowed(QStringLiteral("/robots.txt")), "/robots.txt is always allowed");
    // Paths from the input itself, so that its own patterns are met.
    const bool disallows = body.toLower().contains("disallow");
    const QList<QByteArray> lines = body.left(4096).split('\n');
    for (const QByteArray &line : lines.mid(0, 16)) {
        const QString path = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        const bool allowed = robots.allowed(path);
        fuzz::check(allowed == robots.allowed(path), "the same path gets the same answer", line);
        fuzz::check(allowed || disallows, "only a Disallow line disallows", line);
    }
}

void checkSitemap(const QByteArray &body)
{
    const auto sitemap = Sitemap::parse(body);
    if (!sitemap) {
        const Error &error = sitemap.error();
        fuzz::check(error.kind == ErrorKind::InvalidArgument || error.kind == ErrorKind::LimitExceeded,
            "a refusal is InvalidArgument or LimitExceeded", error.message.toUtf8());
        fuzz::check(!error.message.isEmpty(), "a refusal says why");
        return;
    }
    fuzz::check(sitemap->entries.size() <= Sitemap::kMaxEntries, "at most kMaxEntries entries");
    fuzz::check(!sitemap->truncated || sitemap->entries.size() == Sitemap::kMaxEntries, "truncated only when full");
    for (const Sitemap::Entry &entry : sitemap->entries) {
        fuzz::check(isWebUrl(entry.loc), "locations are http(s) addresses", entry.loc.toEncoded());
        fuzz::check(!entry.lastModified.isValid() || entry.lastModified.timeSpec() == Qt::UTC, "times are in UTC",
            entry.lastModified.toString(Qt::ISODate).toUtf8());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkRobots(body);
    checkSitemap(body);
    return 0;
}
