#include "core/api/chat/ChatPage.h"

#include "core/api/chat/ChatErrors.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace tierdesk::api {
namespace {

QByteArray contentTypeOf(const QString &file)
{
    if (file.endsWith(QLatin1String(".html")))
        return QByteArrayLiteral("text/html; charset=utf-8");
    if (file.endsWith(QLatin1String(".css")))
        return QByteArrayLiteral("text/css; charset=utf-8");
    if (file.endsWith(QLatin1String(".js")))
        return QByteArrayLiteral("text/javascript; charset=utf-8");
    return QByteArrayLiteral("text/plain; charset=utf-8");
}

} // namespace

const QByteArray ChatPage::kContentSecurityPolicy = QByteArrayLiteral(
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' blob:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

// Read once at start: the files are small and part of the program.
ChatPage::ChatPage()
{
    QDirIterator it(QStringLiteral(":/chat"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Asset a;
        a.body = f.readAll();
        a.contentType = contentTypeOf(path);
        a.etag = '"' + QCryptographicHash::hash(a.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
        m_assets.insert(path.mid(QStringLiteral(":/chat/").size()), a);
    }
}

http::Handler ChatPage::serve(const QString &file) const
{
    const auto found = m_assets.constFind(file);
    if (found == m_assets.cend()) {
        // An asset missing from the build answers as a route the server does not have.
        return [](const http::HttpRequest &req, const http::HttpResponder &res) {
            res.send(chat::serverError(404, QStringLiteral("Route not found"), req.path));
        };
    }
    return [asset = *found](
               const http::HttpRequest &req, const http::HttpResponder &res) { res.send(respond(asset, req)); };
}

http::HttpResponse ChatPage::respond(const QString &file, const http::HttpRequest &req, const QByteArray &policy) const
{
    const auto found = m_assets.constFind(file);
    if (found == m_assets.cend())
        return chat::serverError(404, QStringLiteral("Route not found"), req.path);
    return respond(*found, req, policy);
}

http::HttpResponse ChatPage::respond(const Asset &asset, const http::HttpRequest &req, const QByteArray &policy)
{
    http::HttpResponse r;
    const QByteArray ifNoneMatch = req.header("if-none-match");
    if (ifNoneMatch.trimmed() == "*" || ifNoneMatch.contains(asset.etag)) {
        r.status = 304;
        r.contentType.clear();
    } else {
        r.body = asset.body;
        r.contentType = asset.contentType;
    }
    r.withHeader("ETag", asset.etag)
        .withHeader("Cache-Control", "no-cache")
        .withHeader("Content-Security-Policy", policy)
        .withHeader("Referrer-Policy", "no-referrer");
    return r;
}

} // namespace tierdesk::api
