#pragma once

#include "core/api/chat/ChatAccess.h"
#include "core/voice/calls/LiveCall.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tierdesk::http {
class WebSocket;
}

namespace tierdesk::api {

// One web call from the /chat page (docs/chat-api.md, "Calls"): the page's WebSocket on
// /api/v1/voice, its JSON control messages and its binary audio, to a Call and its conversation.
// Text frames from the page: {"type": "start", "sampleRate": 16000, "visitor"?: {"name", "email"}},
// {"type": "dtmf", "digits"}, {"type": "hangup"}; to the page: {"type": "started", "sessionId",
// "callId"}, {"type": "transcript", "role", "text", "final"}, {"type": "state", "state", "queue"?, "position"?},
// {"type": "ended", "reason"} and, between them, the AI's audio as binary frames (16 kHz s16le).
class ChatCallLink : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kMaxAudioFrameBytes = 64 * 1024;
    static constexpr int kMaxControlBytes = 4096;
    static constexpr int kMaxDigits = 32;

    // Takes the socket; `call` is the CallCenter's, opened for it.
    ChatCallLink(http::WebSocket *socket, voice::LiveCall *call, const QString &via,
        const voice::CallSettings &settings, QObject *parent = nullptr);
    ~ChatCallLink() override;

    // Refuses a call before it starts (the line is busy, the key is not valid): said, then closed.
    static void refuse(http::WebSocket *socket, const QString &reason);

signals:
    void finished(); // the socket is gone: the link may be deleted

private:
    void onText(const QString &text);
    void onAudio(const QByteArray &pcm);
    void start(const QJsonObject &message);
    void finish(const QString &reason, bool told = true);
    void send(const QJsonObject &message);

    QPointer<http::WebSocket> m_socket;
    QPointer<voice::LiveCall> m_call;
    QString m_via; // who the engine records: the widget key
    QTimer m_idle;
    bool m_started = false;
    bool m_done = false;
};

} // namespace tierdesk::api
