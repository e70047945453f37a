#pragma once

#include "core/voice/calls/LiveCall.h"
#include "core/voice/sip/SipCall.h"

#include <QObject>
#include <QPointer>

namespace tierdesk::api {

// One SIP call joined to its LiveCall (docs/calls.md, "SIP"): the caller's RTP audio and keypad
// keys into the call, the AI's audio out as RTP; a BYE, an RTP timeout or the server's shutdown
// ends the call, and a call the conversation ends (a goodbye, silence) sends BYE. Thin on purpose
// (practice 19): SIP is the SipCall's, speech the LiveCall's. Lives on the engine thread; deletes
// itself when both sides are done.
class SipCallLink : public QObject {
    Q_OBJECT

public:
    SipCallLink(voice::sip::SipCall *sip, voice::LiveCall *call, QObject *parent = nullptr);

    // Opens the session (the caller known by their number when a customer has it) and greets.
    void start(const voice::CallConversation::Caller &caller);

private:
    void onSipEnded(const QString &reason);

    QPointer<voice::sip::SipCall> m_sip;
    QPointer<voice::LiveCall> m_call;
};

} // namespace tierdesk::api
