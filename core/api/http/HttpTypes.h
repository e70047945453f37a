#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace tierdesk::http {

struct HttpRequest {
    QByteArray method; // as sent; HEAD is served by the GET route
    QString path; // percent-decoded, without the query
    QUrlQuery query;
    QByteArray rawPath; // the target's path and query as sent (signatures: SigV4)
    QByteArray rawQuery;
    QHash<QByteArray, QByteArray> headers; // keys lower-cased; repeated headers joined with ", "
    QByteArray body;
    // The client: the connection's peer, or the client a trusted proxy names (TrustedProxies).
    QHostAddress peerAddress;
    QString scheme = QStringLiteral("http"); // as the client asked: "https" behind a TLS proxy
    QString host; // the Host asked for (a trusted proxy's X-Forwarded-Host); empty unless a plain host[:port]
    QHash<QString, QString> pathParams; // from ":name" segments of the route

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    // "https://help.example.com": how the client addressed this server; empty without a host.
    QString baseUrl() const { return host.isEmpty() ? QString() : scheme + QStringLiteral("://") + host; }
};

// A Host header's value fit to build a URL with: letters, digits, '.', '-', ':' and brackets.
bool isPlainHost(const QByteArray &host);

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, written as given
    QByteArray body;
    QByteArray contentType = "application/json";

    static HttpResponse json(int status, const QJsonObject &o);
    static HttpResponse json(int status, const QJsonArray &a);
    static HttpResponse jsonText(int status, QByteArray json); // already JSON text (JsonWriter)
    static HttpResponse noContent(); // 204, no body and no Content-Type
    HttpResponse &withHeader(QByteArray name, QByteArray value);
};

struct HttpLimits {
    qint64 maxBodyBytes = 1 << 20; // 413 (Content-Length checked before the body is read)
    // Paths whose requests carry files (an import): their bodies may take up to maxFileBodyBytes.
    QStringList fileBodyPaths;
    qint64 maxFileBodyBytes = 50LL << 20;
    // Paths (whole-path patterns, e.g. Lex's RecognizeUtterance with its audio) whose bodies may take
    // up to their own limit; the first pattern that matches decides.
    struct PathBodyLimit {
        QRegularExpression path;
        qint64 maxBytes = 0;
    };
    QList<PathBodyLimit> pathBodyLimits;
    int maxHeaderBytes = 16 * 1024; // request line + headers; 431 beyond
    int maxUrlBytes = 8 * 1024; // 414
    int idleTimeoutMs = 30000; // keep-alive connection with nothing in flight
    int requestTimeoutMs = 10000; // whole request must arrive within this: 408
    int maxConnections = 1024; // beyond: idle connections are closed to make room, else 503
    int maxConnectionsPerAddress = 64; // per client address (IPv6: per /64); beyond: 503 and close
    int maxPipelined = 32; // unanswered requests per connection before reading pauses
    qint64 maxUnsentBytes = 8 << 20; // replies queued for a client that is not reading; beyond: dropped
    int writeTimeoutMs = 30000; // unsent replies and no progress for this long: dropped
};

// Reason phrase for a status line ("Not Found"); empty for unknown codes.
QByteArray reasonPhrase(int status);

} // namespace tierdesk::http
