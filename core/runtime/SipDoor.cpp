#include "core/runtime/SipDoor.h"

#include "core/runtime/SipCallLink.h"

namespace tierdesk::api {

SipDoor::SipDoor(voice::CallCenter &calls, CustomerDirectory *customers, const voice::sip::SipServer::Options &options)
    : m_calls(calls), m_customers(customers), m_server(options, *this)
{
}

SipDoor::~SipDoor()
{
    stop();
}

Status SipDoor::start()
{
    return m_server.start();
}

void SipDoor::stop()
{
    m_server.stop();
}

voice::sip::SipVerdict SipDoor::incoming(voice::sip::SipCall *sip)
{
    // Trunks differ on the international prefix: +15550100 and 15550100 are one number.
    const QString number = sip->number();
    std::optional<Company> company = m_calls.engine().companyForNumber(number);
    if (!company)
        company = m_calls.engine().companyForNumber(
            number.startsWith(QLatin1Char('+')) ? number.mid(1) : QLatin1Char('+') + number);
    if (!company)
        return voice::sip::SipVerdict::NotFound;
    Result<voice::LiveCall *> opened = m_calls.open(company->id, QStringLiteral("sip"));
    if (!opened)
        return opened.error().kind == ErrorKind::LimitExceeded ? voice::sip::SipVerdict::Busy
                                                               : voice::sip::SipVerdict::Unavailable;
    voice::CallConversation::Caller caller;
    const std::optional<Customer> known = m_customers ? m_customers->byPhone(company->id, sip->from()) : std::nullopt;
    if (known) {
        caller.customerId = known->id;
        caller.name = known->name;
    } else {
        caller.name = sip->incoming().fromName.left(100); // an anonymous caller, as their phone names them
    }
    caller.via = QStringLiteral("sip:") + sip->number();
    caller.address = sip->incoming().peer;
    caller.number = sip->from();
    auto *link = new SipCallLink(sip, *opened, sip);
    link->start(caller);
    return voice::sip::SipVerdict::Accept;
}

} // namespace tierdesk::api
