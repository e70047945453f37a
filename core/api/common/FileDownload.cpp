#include "core/api/common/FileDownload.h"

#include <QUrl>

namespace tierdesk::api {

QByteArray contentDisposition(const QString &name, bool shownInline)
{
    QString safe;
    for (const QChar ch : name.left(200))
        safe += ch.unicode() < 0x20 || ch == QLatin1Char('"') || ch == QLatin1Char('\\') ? QLatin1Char('_') : ch;
    const QByteArray ascii = safe.toLatin1().replace('?', '_');
    return QByteArray(shownInline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + QUrl::toPercentEncoding(safe);
}

http::HttpResponse sessionFileDownload(const SessionFile &file)
{
    http::HttpResponse out;
    out.status = 200;
    out.contentType = file.contentType.toLatin1();
    out.body = file.content;
    out.withHeader("Content-Disposition", contentDisposition(file.name, file.contentType.startsWith(u"image/")))
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Content-Security-Policy", "default-src 'none'; sandbox")
        .withHeader("Cache-Control", "private, max-age=3600");
    return out;
}

} // namespace tierdesk::api
