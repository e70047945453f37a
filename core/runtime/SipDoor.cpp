#include "core/runtime/SipDoor.h"

#include "core/engine/customers/CustomerFields.h"
#include "core/runtime/SipCallLink.h"

namespace tierdesk::api {

namespace {

constexpr int kMinPhoneDigits = 4; // shorter is an extension, not a customer's number
constexpr int kPhoneCandidates = 20;

} // namespace

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
    const std::optional<Company> company = m_calls.engine().companyForNumber(sip->number());
    if (!company)
        return voice::sip::SipVerdict::NotFound;
    Result<voice::LiveCall *> opened = m_calls.open(company->id, QStringLiteral("sip"));
    if (!opened)
        return opened.error().kind == ErrorKind::LimitExceeded ? voice::sip::SipVerdict::Busy
                                                               : voice::sip::SipVerdict::Unavailable;
    voice::CallConversation::Caller caller;
    if (const std::optional<Customer> known = customerByPhone(company->id, sip->from())) {
        caller.customerId = known->id;
        caller.name = known->name;
    } else {
        caller.name = sip->incoming().fromName.left(100); // an anonymous caller, as their phone names them
    }
    caller.via = QStringLiteral("sip:") + sip->number();
    caller.address = sip->incoming().peer;
    auto *link = new SipCallLink(sip, *opened, sip);
    link->start(caller);
    return voice::sip::SipVerdict::Accept;
}

std::optional<Customer> SipDoor::customerByPhone(const QString &companyId, const QString &number) const
{
    const QString phone = CustomerFields::normalizedPhone(number);
    if (!m_customers || phone.size() < kMinPhoneDigits)
        return std::nullopt;
    const auto page = m_customers->search(companyId, phone, kPhoneCandidates, 0);
    if (page)
        for (const Customer &customer : page->customers)
            if (CustomerFields::normalizedPhone(customer.phone) == phone)
                return customer;
    return std::nullopt;
}

} // namespace tierdesk::api
