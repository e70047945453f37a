#pragma once

#include "core/voice/sip/SipEvents.h"

#include <QObject>

namespace tierdesk::voice::sip {

class SipServer;

// One SIP call as its door sees it, on the SipServer's thread: the caller's audio (16 kHz s16le,
// as a Call hears it) and keypad keys come as signals; the AI's audio goes out with send(), paced
// by whoever sends it (a Call sends a little ahead of time; RTP leaves every 20 ms). Made by the
// server for an INVITE, deleted by it after ended().
class SipCall : public QObject {
    Q_OBJECT

public:
    const SipIncoming &incoming() const { return m_incoming; }
    QString callId() const { return m_incoming.callId; }
    QString number() const { return m_incoming.number; }
    QString from() const { return m_incoming.from; }
    QString codec() const { return m_incoming.codec; }
    bool isEnded() const { return m_ended; }

    // The AI's audio, 16 kHz s16le mono, any length.
    void send(const QByteArray &pcm);
    // Ends the call (BYE); ended("hangup") follows.
    void hangUp();
    // While deciding: the WWW-Authenticate lines an Unauthorized verdict sends (SipDigest::challenge).
    void challenge(const QByteArray &headers) { m_challenge = headers; }
    // While deciding: the caller's address is one a company trusts (allowed, or it proved its
    // credentials), so the per-source limits no longer count its calls.
    void trustSource() { m_trusted = true; }

signals:
    void audio(const QByteArray &pcm); // the caller's, 16 kHz s16le
    void keypad(const QString &keys); // RFC 4733 keys: 0-9, *, #, A-D
    // "bye" (the caller hung up), "hangup" (we did), "timeout" (no RTP), "shutdown", "error",
    // "unanswered" (nobody decided in time)
    void ended(const QString &reason);

private:
    friend class SipServer;
    SipCall(SipServer &server, SipIncoming incoming, QObject *parent);
    void finish(const QString &reason);

    SipServer &m_server;
    SipIncoming m_incoming;
    QByteArray m_challenge;
    bool m_trusted = false;
    bool m_ended = false;
};

} // namespace tierdesk::voice::sip
