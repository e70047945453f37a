#pragma once

#include "core/api/common/Principal.h"
#include "core/engine/pipeline/SessionEventTap.h"
#include "core/voice/calls/CallCenter.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <memory>

namespace tierdesk {
class Desk;
}

namespace tierdesk::http {
class WebSocket;
}

namespace tierdesk::api {

// Calls at the desk over the console's WebSocket /api/cs/ws (docs/api.md, "Calls at the desk"), so a
// console on another machine takes calls too. The company's people hear of each call that waits for
// one (call.queued, ringing), is taken (call.taken), changes (call.updated) or ends (call.ended);
// from a connection of an agent and above come call.accept (a claim through the desk, with its rules:
// the conversation becomes theirs), call.hold / call.unhold, call.transfer (to a queue, or back to
// the AI) and call.hangup. While a connection holds a call, the caller's audio goes to it as binary
// frames (16 kHz s16le mono) and its binary frames go to the caller; a person has one call at a
// time, and a connection that closes puts its call back in line. The person's words are recognised
// too (a decoder of their own, while half the lines are free: never at a caller's expense) and kept as
// their messages in the conversation, so its transcript holds both sides. Lives on the engine thread,
// beside the WsHub that hands it the connections' messages.
class DeskCalls : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kMaxAudioFrameBytes = 64 * 1024; // a console's audio frame (the socket's limit)

    DeskCalls(voice::CallCenter &calls, Desk &desk, SessionEngine &engine, QObject *parent = nullptr);
    ~DeskCalls() override;

    // A "call.*" text message from a connection of `who` (any role: refused below agent).
    void onMessage(http::WebSocket *socket, const Principal &who, const QString &type, const QJsonObject &message);
    // A binary frame: the person's voice for the call this connection holds.
    void onAudio(http::WebSocket *socket, const QByteArray &pcm);
    // The connection is gone: its call goes back in line.
    void onClosed(http::WebSocket *socket);
    // The company's calls waiting for a person, as call.queued events' data (a console that just came).
    QList<QJsonObject> waiting(const QString &companyId) const;
    // The JSON of a call in events and answers; a waiting call's conversation that someone holds
    // already (a claim, automatic assignment) names them: "assigneeId" (only they are rung).
    QJsonObject callJson(const voice::LiveCall &call) const;

signals:
    // For the company's people (company-wide connections of agents and above), and the connection
    // holding the call (`holder`, may be null) whatever it follows.
    void callEvent(const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data,
        tierdesk::http::WebSocket *holder);

private:
    struct Taken {
        QPointer<voice::LiveCall> call;
        QPointer<http::WebSocket> socket;
        Principal who;
        bool held = false;
        QMetaObject::Connection audio; // the caller's audio to the socket
        std::shared_ptr<voice::Call> ear; // hears the person; none when no line was free for it
    };
    struct Said {
        QString state;
        QString sessionId;
        QString assigneeId; // who held its conversation when last said
    };
    void accept(http::WebSocket *socket, const Principal &who, voice::LiveCall *call);
    void hold(http::WebSocket *socket, voice::LiveCall *call, bool held);
    void transfer(http::WebSocket *socket, const Principal &who, voice::LiveCall *call, const QJsonObject &message);
    // The call leaves the person who held it (not the line): audio unlinked.
    void letGo(const QString &callId);
    // A decoder for the person's voice, whose turns become their messages; none when lines are short.
    std::shared_ptr<voice::Call> earFor(voice::LiveCall *call, const Principal &who);
    void onCallChanged(voice::LiveCall *call);
    void onCallEnded(const QString &callId, const QString &companyId, const QString &reason);
    // The desk gave a waiting call's conversation to someone (or took it back): said as call.updated.
    void onDeskEvent(const SessionEvent &event);
    static Actor actorOf(const Principal &who, const http::WebSocket *socket);
    static void answer(http::WebSocket *socket, const QJsonObject &message);
    static void refuse(http::WebSocket *socket, const Error &error, const QString &callId);

    voice::CallCenter &m_calls;
    Desk &m_desk;
    SessionEngine &m_engine;
    QHash<QString, Taken> m_taken; // by call id
    QHash<QString, Said> m_said; // what each call's last event said, by call id
    SessionEventTap m_deskEvents; // while calls are at the desk
};

} // namespace tierdesk::api
