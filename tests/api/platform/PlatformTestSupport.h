#pragma once

#include "tests/api/ApiTestSupport.h"

// Shared pieces of the platform services tests (seed 000): SigV4 access keys made
// through POST /api/cs/tokens and requests signed with them.
namespace tierdesk::test {

struct SigV4Key {
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray region;
    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

// A new sigv4 key of `company` (default: the demo company), made by its admin over HTTP.
// `role`: agent, supervisor or admin (default admin).
SigV4Key issueSigV4Key(
    ServerFixture &server, const QString &company = {}, const QString &region = {}, const QString &role = {});

// Requests signed with AWS Signature Version 4 (service execute-api), computed with
// core/api/auth/SigV4Canonical: host, x-amz-date and x-amz-content-sha256 signed.
class PlatformClient {
public:
    PlatformClient(quint16 port, SigV4Key key) : m_http(port), m_key(std::move(key)) { }
    HttpResult get(const QString &pathAndQuery) { return send("GET", pathAndQuery, {}); }
    HttpResult post(const QString &path, const QJsonObject &body)
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpResult send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body);
    // Signs `signedBody` but sends `sentBody` (a body changed on the way).
    HttpResult sendTampered(
        const QByteArray &method, const QString &path, const QByteArray &signedBody, const QByteArray &sentBody);
    // The signing time is the system's plus this offset (a client clock that is off).
    void setClockOffsetSecs(qint64 secs) { m_offsetSecs = secs; }
    void setKey(const SigV4Key &key) { m_key = key; }
    // Sends without any Authorization header.
    HttpResult sendUnsigned(const QByteArray &method, const QString &path, const QByteArray &body = {});

private:
    HeaderList signedHeaders(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body) const;

    HttpClient m_http;
    SigV4Key m_key;
    qint64 m_offsetSecs = 0;
};

// Checks API Gateway's error body: a JSON object with only a non-empty "message" and
// the x-amzn-ErrorType header equal to `type`. Empty when it is right.
QString checkPlatformError(const HttpResult &r, int status, const QString &type);

} // namespace tierdesk::test
