#pragma once

#include "tests/api/ApiTestSupport.h"

#include <memory>

// Shared pieces of the support agent API tests (seed 002): keys made through
// POST /api/cs/tokens and requests carrying X-API-Key.
namespace tierdesk::test {

// A new apikey of `company` (default: the demo company), made by that company's admin over HTTP.
QByteArray issueApiKey(ServerFixture &server, const QString &company = {}, QString *keyId = nullptr);

// Requests with X-API-Key (none when `key` is empty) and no bearer token.
class AgentClient {
public:
    AgentClient(quint16 port, QByteArray key) : m_http(port), m_key(std::move(key)) { }
    HttpResult get(const QString &path) { return send("GET", path, {}); }
    HttpResult post(const QString &path, const QJsonObject &body)
    {
        return send("POST", path, QJsonDocument(body).toJson());
    }
    HttpResult put(const QString &path, const QJsonObject &body)
    {
        return send("PUT", path, QJsonDocument(body).toJson());
    }
    HttpResult del(const QString &path) { return send("DELETE", path, {}); }
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body);
    void setKey(const QByteArray &key) { m_key = key; }

private:
    HttpClient m_http;
    QByteArray m_key;
};

// Checks seed 002's error body: "error" true, "error_type" equal to `type`, a
// non-empty "message", an ISO "timestamp", a "request_id" starting "req_", an
// optional string "details" and nothing else. Empty when it is right.
QString checkAgentError(const HttpResult &r, int status, const QString &type);

// Each test's start: a real server with the demo store (rate limits on or off) and a client
// holding a fresh API key of its company. False, with `error`, when either fails.
bool startAgentServer(std::unique_ptr<ServerFixture> &fixture, std::unique_ptr<AgentClient> &client, bool rateLimits,
    QString *error, const Clock *clock = nullptr);

} // namespace tierdesk::test
