#pragma once

// Twilio on 127.0.0.1, on its own thread: a stateful Messages API and the webhooks Twilio sends.
//
// POST /2010-04-01/Accounts/{AccountSid}/Messages.json takes Twilio's form (To, From, Body,
// StatusCallback) with HTTP basic auth (the account's SID and auth token), refuses as Twilio does
// (401 with code 20003; 400 with 21604 To missing, 21603 From missing, 21602 Body missing, 21617 a
// body over 1600 characters, 21606 a From that is not one of the account's numbers; 404 20404 any
// other path) in Twilio's error body {"code","message","more_info","status"}, and answers 201 with
// a Message resource (sid "SM" and 32 hex digits, status "queued"), which it keeps.
//
// deliver() and sendIncoming() are Twilio calling the application: form posts signed with
// X-Twilio-Signature (computed here, independently of the code under test), answered to the
// caller. They wait on the calling thread's event loop, so a server on that thread keeps serving.

#include "tests/support/ReceivedRequest.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace tierdesk::test {

class ScriptedTwilioServer : public QObject {
    Q_OBJECT

public:
    using Params = QList<QPair<QString, QString>>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // A message as Twilio keeps it.
    struct Message {
        QString sid;
        QString from;
        QString to;
        QString body;
        QString statusCallback;
        QString status; // queued, then whatever deliver() said
        int numSegments = 1;
    };

    // What the application answered to Twilio's request.
    struct Answer {
        int status = 0; // 0: no answer (networkError says why)
        QByteArray body;
        QByteArray contentType;
        QString networkError;
    };

    // How a webhook is signed: with the account's token, with another one, or not at all.
    enum class Signing { Valid, WrongToken, Missing };
    struct Sending {
        Signing signing = Signing::Valid;
        QString signedUrl; // the URL Twilio believes it calls (a proxy's); empty: the one posted to
        QByteArray contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    };

    static constexpr int kTimeoutMs = 10000; // one webhook, as Twilio waits for an answer (15 s)

    // `numbers`: the account's own ("+15550100" or "whatsapp:+15550100").
    ScriptedTwilioServer(QString accountSid, QString authToken, QStringList numbers);
    ~ScriptedTwilioServer() override;

    bool isListening() const { return m_port != 0; }
    QString apiUrl() const; // what TwilioSettings::apiUrl says for this server
    QString accountSid() const { return m_accountSid; }
    QString authToken() const { return m_authToken; }
    QStringList numbers() const { return m_numbers; }

    // The next Messages request (after authentication) is answered with `status` and Twilio's
    // error body for `twilioCode` (429 20429, 500 20500, 400 21211...), with Retry-After when given.
    void failNext(int status, int twilioCode, int retryAfterSecs = -1);

    QList<Message> messages() const;
    QList<ReceivedRequest> requests() const;
    int count() const;

    // Twilio's StatusCallback for message `sid`: MessageSid, SmsSid, MessageStatus, SmsStatus,
    // AccountSid, From, To, ApiVersion and, for undelivered and failed, ErrorCode; signed.
    Answer deliver(const QString &sid, const QString &status, const QString &errorCode = {});

    // Twilio's inbound SMS or WhatsApp webhook to `url`: every field Twilio sends, `params`
    // replacing or adding to them (From, To, Body, MessageSid, MediaUrl0...); signed as `how` says.
    Answer sendIncoming(const QUrl &url, const Params &params, const Sending &how);
    Answer sendIncoming(const QUrl &url, const Params &params) { return sendIncoming(url, params, Sending()); }
    // The fields sendIncoming() posts for `params`, in Twilio's order.
    Params incomingFields(const Params &params) const;

    // Twilio's signature over `url` and `params` (its documented algorithm, on its own here).
    static QByteArray sign(const QString &authToken, const QString &url, const Params &params);
    // application/x-www-form-urlencoded as Twilio writes it (spaces as '+').
    static QByteArray formBody(const Params &params);
    // One POST from the calling thread, waiting on its event loop.
    static Answer post(const QUrl &url, const QByteArray &body, const Headers &headers);

signals:
    void received(); // after a request is recorded (from the server's thread)

private:
    struct Failure {
        int status = 0;
        int code = 0;
        int retryAfterSecs = -1;
    };
    struct Reply {
        int status = 200;
        QByteArray body;
        Headers headers;
    };

    void accept();
    void serve(QTcpSocket *socket, const ReceivedRequest &request);
    Reply answer(const ReceivedRequest &request);
    Reply create(const QString &accountSid, const Params &form);
    std::optional<Failure> takeFailure();

    QString m_accountSid;
    QString m_authToken;
    QStringList m_numbers;
    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<ReceivedRequest> m_requests;
    QList<Message> m_messages;
    QList<Failure> m_failures;
};

} // namespace tierdesk::test
