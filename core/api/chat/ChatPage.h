#pragma once

#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpServer.h"

#include <QHash>

namespace tierdesk::api {

// Seed 003's test chat interface: the web chat page at /chat, plain HTML, CSS and
// JavaScript embedded from resources/chat/ (docs/chat-api.md, "The web chat page").
// Every file is answered with its content type, a strict Content-Security-Policy and an
// ETag; a browser revalidates each time (no-cache) and gets 304 while it is unchanged.
class ChatPage {
public:
    ChatPage();
    void install(http::HttpServer &server); // ChatRoutes.cpp

    // The policy every file of the page is served with: nothing inline, nothing from elsewhere.
    static const QByteArray kContentSecurityPolicy;
    // The embedded file ":/chat/<file>" with another policy (the widget's panel: its framers); 404
    // as a route the server does not have when the build lacks it.
    http::HttpResponse respond(const QString &file, const http::HttpRequest &req, const QByteArray &policy) const;

private:
    struct Asset {
        QByteArray body;
        QByteArray contentType;
        QByteArray etag;
    };
    // The handler answering the embedded file ":/chat/<file>".
    http::Handler serve(const QString &file) const;
    static http::HttpResponse respond(
        const Asset &asset, const http::HttpRequest &req, const QByteArray &policy = kContentSecurityPolicy);

    QHash<QString, Asset> m_assets;
};

} // namespace tierdesk::api
