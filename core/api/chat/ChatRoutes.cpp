// The chat POC API's route table (seed 003). Each path appears here once.
#include "core/api/chat/ChatApi.h"
#include "core/api/chat/ChatErrors.h"
#include "core/api/chat/ChatPage.h"
#include "core/api/chat/ChatWidget.h"
#include "core/api/common/StorageGate.h"

namespace tierdesk::api {

void ChatApi::install(http::HttpServer &server)
{
    http::Router &r = server.router();
    const auto bind = [this](void (ChatApi::*h)(const http::HttpRequest &, const http::HttpResponder &)) {
        return [this, h](const http::HttpRequest &req, const http::HttpResponder &res) { (this->*h)(req, res); };
    };
    // A degraded store takes no writes; while its connection is lost, no reads either.
    const auto guarded = [this](void (ChatApi::*h)(const http::HttpRequest &, const http::HttpResponder &)) {
        return [this, h](const http::HttpRequest &req, const http::HttpResponder &res) {
            if (const QString failure = m_engine.storageFailure(); storageRefuses(failure, req.method))
                return res.send(chat::storageFailure(failure));
            (this->*h)(req, res);
        };
    };
    // anonymous
    r.route("GET", QStringLiteral("/api/v1/health"), bind(&ChatApi::health));
    // a company's widget key (X-Widget-Key)
    r.route("POST", QStringLiteral("/api/v1/chat/session"), guarded(&ChatApi::createSession));
    // the session's visitor secret (X-Visitor-Secret or Authorization: Bearer)
    r.route("POST", QStringLiteral("/api/v1/chat/message"), guarded(&ChatApi::postMessage));
    r.route("GET", QStringLiteral("/api/v1/chat/history/:sessionId"), guarded(&ChatApi::history));
    // the visitor's rating of a resolved conversation, once
    r.route("POST", QStringLiteral("/api/v1/chat/rating"), guarded(&ChatApi::rate));
    // a signed-in visitor's conversations (the current session's secret)
    r.route("GET", QStringLiteral("/api/v1/chat/conversations"), guarded(&ChatApi::conversations));
    // files sent in the visitor's session (multipart/form-data: sessionId, file, message?)
    r.route("POST", QStringLiteral("/api/v1/chat/attachments"), guarded(&ChatApi::postAttachment));
    r.route("GET", QStringLiteral("/api/v1/chat/attachments/:attachmentId"), guarded(&ChatApi::attachment));
    // where a visitor nobody can answer now is written to (a person's reply, by e-mail)
    r.route("POST", QStringLiteral("/api/v1/chat/contact"), guarded(&ChatApi::leaveContact));
    // a survey mail's signed links (the token is the key): the rating, then a comment
    r.route("GET", QStringLiteral("/r/:token"), guarded(&ChatApi::surveyLink));
    r.route("POST", QStringLiteral("/r/:token"), guarded(&ChatApi::surveyComment));
    // CORS preflights of pages on other origins (the companies' sites).
    const auto preflight = [](const QByteArray &methods) {
        return [methods](
                   const http::HttpRequest &, const http::HttpResponder &res) { res.send(chat::preflight(methods)); };
    };
    r.route("OPTIONS", QStringLiteral("/api/v1/health"), preflight("GET"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/session"), preflight("POST"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/message"), preflight("POST"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/history/:sessionId"), preflight("GET"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/rating"), preflight("POST"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/conversations"), preflight("GET"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/attachments"), preflight("POST"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/contact"), preflight("POST"));
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/attachments/:attachmentId"), preflight("GET"));
}

// The web chat page (seed 003's test chat interface): anonymous, files embedded from resources/chat/.
void ChatPage::install(http::HttpServer &server)
{
    http::Router &r = server.router();
    r.route("GET", QStringLiteral("/chat"), serve(QStringLiteral("index.html"))); // "/chat/" too
    r.route("GET", QStringLiteral("/chat/chat.css"), serve(QStringLiteral("chat.css")));
    r.route("GET", QStringLiteral("/chat/chat.js"), serve(QStringLiteral("chat.js")));
    r.route("GET", QStringLiteral("/chat/transcript.js"), serve(QStringLiteral("transcript.js")));
    r.route("GET", QStringLiteral("/chat/call.js"), serve(QStringLiteral("call.js")));
    r.route("GET", QStringLiteral("/chat/call-worklet.js"), serve(QStringLiteral("call-worklet.js")));
    r.route("GET", QStringLiteral("/chat/vendor/socket.io.min.js"), serve(QStringLiteral("vendor/socket.io.min.js")));
    r.route("GET", QStringLiteral("/chat/widget.css"), serve(QStringLiteral("widget.css")));
    r.route("GET", QStringLiteral("/chat/panel.js"), serve(QStringLiteral("panel.js")));
    // The snippet's script runs on the company's pages: any origin may load it (the panel it opens
    // is what only the allowed origins may frame).
    r.route("GET", QStringLiteral("/widget.js"), serve(QStringLiteral("widget.js")));
    // Seed 003 opens its test chat interface at the server's root.
    r.route("GET", QStringLiteral("/"), [](const http::HttpRequest &req, const http::HttpResponder &res) {
        http::HttpResponse moved;
        moved.status = 302;
        moved.contentType = "text/plain; charset=utf-8";
        moved.body = "The chat page is at /chat\n";
        res.send(moved.withHeader("Location", "/chat" + (req.rawQuery.isEmpty() ? QByteArray() : "?" + req.rawQuery)));
    });
}

// The chat on a company's own site: its look for the snippet's script, and the panel it frames.
void ChatWidget::install(http::HttpServer &server)
{
    http::Router &r = server.router();
    r.route("GET", QStringLiteral("/api/v1/chat/widget"),
        [this](const http::HttpRequest &req, const http::HttpResponder &res) { config(req, res); });
    r.route("OPTIONS", QStringLiteral("/api/v1/chat/widget"),
        [](const http::HttpRequest &, const http::HttpResponder &res) { res.send(chat::preflight("GET")); });
    r.route("GET", QStringLiteral("/chat/widget"),
        [this](const http::HttpRequest &req, const http::HttpResponder &res) { panel(req, res); });
}

} // namespace tierdesk::api
