#pragma once

#include "core/common/Result.h"
#include "core/voice/sip/SipCall.h"
#include "core/voice/sip/SipStack.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace tierdesk::voice::sip {

// What the door says to an INVITE (SIP's status codes).
enum class SipVerdict {
    Accept = 200,
    Unauthorized = 401, // the company asks for digest credentials: challenged (SipCall::challenge)
    Forbidden = 403, // not from a source the company allows, or wrong credentials
    NotFound = 404, // no company has this number
    Busy = 486, // every line is taken
    Unavailable = 480, // calls are not taken now
};

// Decides each call, on the server's thread. For Accept, it connects to the call there and then:
// the 200 OK goes out when incoming() returns, and the call's audio follows.
class SipHandler {
public:
    virtual ~SipHandler() = default;
    virtual SipVerdict incoming(SipCall *call) = 0;
};

// The SIP door (DESIGN.md, "Calls"; docs/calls.md, "SIP"): answers INVITEs on UDP and TCP, one
// SipCall each, for a handler that decides who is answered and talks to them. It knows SIP, SDP,
// RTP and codecs, nothing of the engine or of speech (practice 19). libre runs on its own thread
// (SipStack); everything here runs on the thread that owns the server.
class SipServer : public QObject {
    Q_OBJECT

public:
    using Options = SipStack::Options;

    SipServer(const Options &options, SipHandler &handler, QObject *parent = nullptr);
    ~SipServer() override; // stop()

    // Unavailable when the address cannot be listened on.
    Status start();
    // Every call ended (BYE, ended("shutdown")), no more listening.
    void stop();
    quint16 port() const { return m_stack->port(); }
    int calls() const { return static_cast<int>(m_calls.size()); }

signals:
    void refused(const QString &number, int status); // an INVITE the handler did not accept

private:
    friend class SipCall;
    class Bridge;
    void onIncoming(const SipIncoming &incoming);
    void onHeard(quint64 key, const QByteArray &pcm, const QString &keys);
    void onEnded(quint64 key, const QString &reason);

    Options m_options;
    SipHandler &m_handler;
    std::unique_ptr<Bridge> m_bridge; // before m_stack: the stack calls it until it stops
    std::unique_ptr<SipStack> m_stack;
    QHash<quint64, SipCall *> m_calls;
};

} // namespace tierdesk::voice::sip
