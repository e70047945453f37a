#include "core/integrations/web/Sitemap.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

#include <zlib.h>

namespace tierdesk::web {

namespace {

constexpr int kGunzipWindowBits = 15 + 16; // zlib's inflate, expecting a gzip header and trailer

Result<QByteArray> gunzipped(const QByteArray &data, qsizetype maxBytes)
{
    z_stream z{};
    if (inflateInit2(&z, kGunzipWindowBits) != Z_OK)
        return makeError(ErrorKind::Internal, QStringLiteral("zlib could not start"));
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = static_cast<uInt>(data.size());
    QByteArray out;
    char chunk[16 * 1024];
    int rc = Z_OK;
    while (rc == Z_OK && out.size() <= maxBytes) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_OK || rc == Z_STREAM_END)
            out.append(chunk, static_cast<qsizetype>(sizeof chunk - z.avail_out));
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)
            rc = Z_DATA_ERROR; // the stream ended before its trailer
    }
    inflateEnd(&z);
    if (out.size() > maxBytes)
        return makeError(
            ErrorKind::LimitExceeded, QStringLiteral("the sitemap is larger than %1 bytes unpacked").arg(maxBytes));
    if (rc != Z_STREAM_END)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("the sitemap is not a complete gzip stream"));
    return out;
}

// W3C Datetime, the profile of ISO 8601 sitemaps use, in UTC.
QDateTime w3cDateTime(const QString &text)
{
    static const QRegularExpression yearMonth(QStringLiteral("^(\\d{4})(?:-(\\d{2}))?$"));
    const QString s = text.trimmed();
    if (const auto match = yearMonth.match(s); match.hasMatch()) {
        const int month = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
        return QDateTime(QDate(match.captured(1).toInt(), month, 1), QTime(0, 0), Qt::UTC);
    }
    if (s.size() == 10)
        return QDateTime(QDate::fromString(s, Qt::ISODate), QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // no zone given: read as UTC, not as this machine's zone
    return time.isValid() ? time.toUTC() : QDateTime();
}

QUrl sitemapLoc(const QString &text)
{
    const QUrl url(text.trimmed());
    const bool web = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    return url.isValid() && web && !url.host().isEmpty() ? url : QUrl();
}

// One <url> or <sitemap>: its <loc> and <lastmod> in the sitemap's namespace.
Sitemap::Entry readEntry(QXmlStreamReader &xml, const QString &ns)
{
    Sitemap::Entry entry;
    while (xml.readNextStartElement()) {
        if (xml.namespaceUri() != ns)
            xml.skipCurrentElement();
        else if (xml.name() == QLatin1String("loc"))
            entry.loc = sitemapLoc(xml.readElementText(QXmlStreamReader::SkipChildElements));
        else if (xml.name() == QLatin1String("lastmod"))
            entry.lastModified = w3cDateTime(xml.readElementText(QXmlStreamReader::SkipChildElements));
        else
            xml.skipCurrentElement();
    }
    return entry;
}

Result<Sitemap> readSitemap(const QByteArray &xmlText)
{
    QXmlStreamReader xml(xmlText);
    Sitemap sitemap;
    if (!xml.readNextStartElement())
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("the sitemap is not XML: %1").arg(xml.errorString()));
    if (xml.name() == QLatin1String("sitemapindex"))
        sitemap.kind = Sitemap::Kind::Index;
    else if (xml.name() != QLatin1String("urlset"))
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("not a sitemap: its root is <%1>, not <urlset> or <sitemapindex>").arg(xml.name()));
    const QString ns = xml.namespaceUri().toString();
    const QLatin1String entryName(sitemap.kind == Sitemap::Kind::Index ? "sitemap" : "url");
    while (xml.readNextStartElement()) {
        if (xml.name() != entryName || xml.namespaceUri() != ns) {
            xml.skipCurrentElement();
            continue;
        }
        Sitemap::Entry entry = readEntry(xml, ns);
        if (entry.loc.isEmpty())
            continue;
        if (sitemap.entries.size() == Sitemap::kMaxEntries) {
            sitemap.truncated = true;
            return sitemap;
        }
        sitemap.entries.append(std::move(entry));
    }
    if (xml.hasError())
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("the sitemap is not well-formed XML (line %1): %2")
                .arg(xml.lineNumber())
                .arg(xml.errorString()));
    return sitemap;
}

} // namespace

Result<Sitemap> Sitemap::parse(const QByteArray &body)
{
    if (body.size() > kMaxBytes)
        return makeError(
            ErrorKind::LimitExceeded, QStringLiteral("the sitemap is larger than %1 bytes").arg(kMaxBytes));
    if (!body.startsWith("\x1f\x8b"))
        return readSitemap(body);
    const auto unpacked = gunzipped(body, kMaxBytes);
    if (!unpacked)
        return unpacked.error();
    return readSitemap(*unpacked);
}

} // namespace tierdesk::web
