// The chat POC API's route table (seed 003). Each path appears here once.
#include "core/api/chat/ChatApi.h"

namespace tierdesk::api {

void ChatApi::install(http::HttpServer &server)
{
    http::Router &r = server.router();
    const auto bind = [this](void (ChatApi::*h)(const http::HttpRequest &, const http::HttpResponder &)) {
        return [this, h](const http::HttpRequest &req, const http::HttpResponder &res) { (this->*h)(req, res); };
    };
    // anonymous
    r.route("GET", QStringLiteral("/api/v1/health"), bind(&ChatApi::health));
    // a company's widget key (X-Widget-Key)
    r.route("POST", QStringLiteral("/api/v1/chat/session"), bind(&ChatApi::createSession));
    // the session's visitor secret (X-Visitor-Secret or Authorization: Bearer)
    r.route("POST", QStringLiteral("/api/v1/chat/message"), bind(&ChatApi::postMessage));
    r.route("GET", QStringLiteral("/api/v1/chat/history/:sessionId"), bind(&ChatApi::history));
}

} // namespace tierdesk::api
