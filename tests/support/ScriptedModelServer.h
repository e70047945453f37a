#pragma once

// A language-model provider on 127.0.0.1, on its own thread, that speaks one
// provider's HTTP API exactly: the path and method it serves, the headers it
// requires (the key in the provider's own header, anthropic-version), its answer
// body with `usage`, and its error bodies. What it answers is scripted per test;
// every request is recorded for the test to check what the provider received.

#include "core/domain/AiProvider.h"
#include "tests/support/ReceivedRequest.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace tierdesk::test {

class ScriptedModelServer : public QObject {
    Q_OBJECT

public:
    struct Answer {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0; // a slow provider (a timer on the server's thread)
        bool hang = false; // never answers
    };
    using Script = std::function<Answer(const ReceivedRequest &request)>;

    // `key`: the API key the server requires in the provider's header (none if empty).
    explicit ScriptedModelServer(ProviderKind kind, QByteArray key = {});
    ~ScriptedModelServer() override;

    bool isListening() const { return m_port != 0; }
    // What an admin registers as the provider's base URL.
    QUrl baseUrl() const;
    ProviderKind kind() const { return m_kind; }

    // Answers every well-formed request; by default a reply saying "Hello from the model."
    void setScript(Script script);
    // Answers the given ones in order, then repeats the last.
    void setAnswers(QList<Answer> answers);

    // The provider's own success body for a reply `text` with these token counts.
    Answer reply(const QString &text, int inputTokens = 42, int outputTokens = 7) const;
    // The provider's own error body with this status.
    Answer error(int status, const QString &message) const;
    // The text of the last user message of a request (what the customer wrote last).
    static QString lastUserText(const ReceivedRequest &request);
    // The system prompt of a request, wherever this provider keeps it.
    QString systemPrompt(const ReceivedRequest &request) const;

    QList<ReceivedRequest> requests() const;
    int count() const;

signals:
    void received(); // after a request is recorded (from the server's thread)

private:
    void accept();
    void serve(QTcpSocket *socket, const ReceivedRequest &request);
    // The refusal the real API gives for a request it would not take, if any.
    std::optional<Answer> refusal(const ReceivedRequest &request) const;
    QByteArray path() const;

    ProviderKind m_kind;
    QByteArray m_key;
    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    Script m_script;
    QList<ReceivedRequest> m_requests;
};

} // namespace tierdesk::test
