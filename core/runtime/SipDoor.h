#pragma once

#include "core/engine/customers/CustomerDirectory.h"
#include "core/voice/calls/CallCenter.h"
#include "core/voice/sip/SipDigest.h"
#include "core/voice/sip/SipServer.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace tierdesk::api {

// The SIP door of `tierdesk serve --sip-port P` (docs/calls.md, "SIP"): each INVITE's dialled
// number names the company (config.voice.numbers); unknown is 404, a caller the company does not
// take (voice.sip) 403 or a digest challenge (401), every line taken 486 (the CallCenter's limit);
// an accepted call becomes a LiveCall joined by a SipCallLink. The caller is the company's customer
// whose phone is the From number, else an anonymous caller. Lives on the engine thread, beside the
// CallCenter.
class SipDoor : public voice::sip::SipHandler {
public:
    SipDoor(voice::CallCenter &calls, CustomerDirectory *customers, const voice::sip::SipServer::Options &options);
    ~SipDoor() override;

    Status start();
    void stop();
    quint16 port() const { return m_server.port(); }

    voice::sip::SipVerdict incoming(voice::sip::SipCall *call) override;

    static constexpr char kRealm[] = "tierdesk"; // of the digest challenges

private:
    // Whether the company takes this caller (voice.sip): nothing when it does; 403 from a source it
    // does not allow or with wrong credentials, 401 with a challenge without (valid) ones.
    std::optional<voice::sip::SipVerdict> admitCaller(const Company &company, voice::sip::SipCall *sip);
    static bool allows(const QStringList &sources, const QHostAddress &address);

    voice::CallCenter &m_calls;
    CustomerDirectory *m_customers;
    voice::sip::SipServer m_server;
    voice::sip::SipDigest m_digest;
};

} // namespace tierdesk::api
