#pragma once

#include "core/engine/customers/CustomerDirectory.h"
#include "core/voice/calls/CallCenter.h"
#include "core/voice/sip/SipServer.h"

#include <memory>

namespace tierdesk::api {

// The SIP door of `tierdesk serve --sip-port P` (docs/calls.md, "SIP"): each INVITE's dialled
// number names the company (config.voice.numbers); unknown is 404, every line taken 486 (the
// CallCenter's limit); an accepted call becomes a LiveCall joined by a SipCallLink. The caller is the
// company's customer whose phone is the From number, else an anonymous caller. Lives on the engine
// thread, beside the CallCenter.
class SipDoor : public voice::sip::SipHandler {
public:
    SipDoor(voice::CallCenter &calls, CustomerDirectory *customers, const voice::sip::SipServer::Options &options);
    ~SipDoor() override;

    Status start();
    void stop();
    quint16 port() const { return m_server.port(); }

    voice::sip::SipVerdict incoming(voice::sip::SipCall *call) override;

private:
    voice::CallCenter &m_calls;
    CustomerDirectory *m_customers;
    voice::sip::SipServer m_server;
};

} // namespace tierdesk::api
