#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

#include <memory>

namespace tierdesk::test {

struct PollResult {
    int status = 0; // 0: no answer in time
    QByteArray contentType;
    QByteArray contentTypeOptions; // X-Content-Type-Options
    QByteArray body;

    QString text() const { return QString::fromUtf8(body); }
    QJsonObject json() const;
    // The packets of a long-polling payload, split at 0x1e.
    QStringList packets() const;
};

// A real HTTP long-polling client of /socket.io/ (QNetworkAccessManager), one request at a time
// or a GET left waiting, for the Engine.IO tests.
class PollingClient {
public:
    explicit PollingClient(quint16 port);

    // GET /socket.io/?EIO=4&transport=polling, parses the open packet; the session id.
    QString handshake(QJsonObject *open = nullptr);
    PollResult get(const QString &query, int timeoutMs = 5000);
    PollResult head(const QString &query, int timeoutMs = 5000);
    PollResult post(const QString &query, const QByteArray &body, int timeoutMs = 5000);
    // A GET left waiting; finish() collects its answer.
    QNetworkReply *startGet(const QString &query);
    static PollResult finish(QNetworkReply *reply, int timeoutMs = 5000);

    QString sidQuery(const QString &sid) const;
    QUrl url(const QString &query) const;

private:
    quint16 m_port;
    QNetworkAccessManager m_nam;
};

// A real QWebSocket on /socket.io/ that keeps every text message it receives.
class WsPeer {
public:
    WsPeer();
    // transport=websocket, with &sid= when given; waits until open.
    bool open(quint16 port, const QString &sid = {});
    void send(const QString &text) { socket.sendTextMessage(text); }
    // The next message not taken yet; empty after timeoutMs.
    QString next(int timeoutMs = 5000);
    // Waits for the server to close the connection.
    bool waitClosed(int timeoutMs = 5000);
    // open(), reads the open packet and CONNECTs to "/" with auth; the Socket.IO id.
    QString connectTo(quint16 port, const QJsonObject &auth);

    QWebSocket socket;
    QStringList received;
    qsizetype taken = 0;
    bool closed = false;
    bool failed = false;
};

} // namespace tierdesk::test
