#pragma once

#include "core/voice/AudioFrame.h"

#include <QString>
#include <QStringList>

namespace tierdesk::voice::sip {

// An INVITE as the deciding side sees it.
struct SipIncoming {
    quint64 key = 0; // the stack's own name for the call (a SIP Call-ID is the caller's to choose)
    QString callId; // SIP Call-ID
    QString number; // dialled: the Request-URI's user part
    QString from; // the caller: From's user part (a number for a phone or a trunk)
    QString fromName; // From's display name
    QString peer; // the address and port the INVITE came from
    QString source; // that address alone (IPv4 or IPv6)
    QStringList authorizations; // its Authorization headers (digest answers), at most two
    QString codec; // the codec the answer will name (CodecInfo::name)
};

// What the SIP thread tells the side that owns it. Called on the SIP thread: an implementation
// hands each event over to its own thread and returns at once.
class SipEvents {
public:
    virtual ~SipEvents() = default;
    virtual void incoming(const SipIncoming &call) = 0; // decide() is awaited
    virtual void heard(quint64 key, Pcm audio, QString keys) = 0; // the caller's audio (16 kHz) and keys
    virtual void ended(quint64 key, QString reason) = 0; // the call is gone ("bye", "hangup", "timeout", ...)
};

} // namespace tierdesk::voice::sip
