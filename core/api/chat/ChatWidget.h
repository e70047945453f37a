#pragma once

#include "core/api/chat/ChatAccess.h"
#include "core/api/chat/ChatPage.h"

namespace tierdesk::api {

// The chat on a company's own site (docs/channels.md, "Web chat on the company's site"): the
// snippet's script (/widget.js) puts a launcher on the page and opens the panel, /chat/widget,
// in a frame. The panel may be framed only by the web channel's allowed origins (its
// Content-Security-Policy's frame-ancestors), and the widget's look is answered only to them
// (GET /api/v1/chat/widget), so a page on any other origin gets no chat.
class ChatWidget {
public:
    ChatWidget(ChatAccess &access, const ChatPage &page) : m_access(access), m_page(page) { }
    void install(http::HttpServer &server); // ChatRoutes.cpp

    // The panel's policy: the chat page's, framed by `allowedOrigins` and this server only.
    static QByteArray contentSecurityPolicy(const QStringList &allowedOrigins);
    // Whether a page of `origin` (a request's Origin; empty for a same-origin read) may show the
    // chat: this server's own pages and the allowed origins.
    static bool mayShow(const QByteArray &origin, const QString &ownOrigin, const QStringList &allowedOrigins);

private:
    void config(const http::HttpRequest &req, const http::HttpResponder &res);
    void panel(const http::HttpRequest &req, const http::HttpResponder &res);
    // The web channel of the company whose widget key `?key=` is; nullopt after answering itself.
    std::optional<WebChannelSettings> channelOf(
        const http::HttpRequest &req, const http::HttpResponder &res, QString *companyId = nullptr);
    // From the company's desk settings (none found: open, a person free).
    QJsonObject hoursOf(const Company *company) const;
    bool personFree(const Company *company) const;

    ChatAccess &m_access;
    const ChatPage &m_page;
};

} // namespace tierdesk::api
