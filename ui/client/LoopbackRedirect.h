#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

namespace tierdesk::ui {

// What a single sign-on's redirect brought back: a login, or the server's refusal.
struct SsoAnswer {
    QByteArray token;
    QString expiresAt;
    QString sessionId;
    QString error; // the refusal's code; empty with a token
    QString message;
    bool ok() const { return !token.isEmpty() && error.isEmpty(); }
};

// A native app's redirect for single sign-on (RFC 8252 §7.3): listens on 127.0.0.1 on a free port
// for the one GET /callback the browser is sent to at the end, answers it with a small page
// ("You can close this window") and says what it carried; then stops listening. Other requests
// (a browser's /favicon.ico) are answered 404 and change nothing. The redirect URL carries a
// random `state` of this listener that the server keeps in its query: a request without it (another
// program on the machine sending a token of its own choosing) is refused and changes nothing.
class LoopbackRedirect : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxRequestBytes = 16 * 1024;

    explicit LoopbackRedirect(QObject *parent = nullptr);
    bool listen();
    bool isListening() const { return m_server.isListening(); }
    // http://127.0.0.1:<port>/callback?state=<this listener's>
    QUrl redirectUrl() const;
    void close();

    // The redirect's query parameters as the server sends them: token, expiresAt, sessionId, or
    // error and message. The one place to adapt when that contract changes.
    static SsoAnswer answerOf(const QUrlQuery &query);

signals:
    void answered(const tierdesk::ui::SsoAnswer &answer);

private:
    void onConnection();
    void handle(QTcpSocket *socket);

    QTcpServer m_server;
    QString m_state;
};

} // namespace tierdesk::ui

Q_DECLARE_METATYPE(tierdesk::ui::SsoAnswer)
