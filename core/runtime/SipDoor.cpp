#include "core/runtime/SipDoor.h"

#include "core/api/http/AddressRanges.h"
#include "core/runtime/SipCallLink.h"

#include <QLoggingCategory>

namespace tierdesk::api {

namespace {

Q_LOGGING_CATEGORY(lcSipAccess, "tierdesk.calls.sip.access")

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
    // Trunks differ on the international prefix: +15550100 and 15550100 are one number.
    const QString number = sip->number();
    std::optional<Company> company = m_calls.engine().companyForNumber(number);
    if (!company)
        company = m_calls.engine().companyForNumber(
            number.startsWith(QLatin1Char('+')) ? number.mid(1) : QLatin1Char('+') + number);
    if (!company)
        return voice::sip::SipVerdict::NotFound;
    if (const std::optional<voice::sip::SipVerdict> refused = admitCaller(*company, sip))
        return *refused;
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

std::optional<voice::sip::SipVerdict> SipDoor::admitCaller(const Company &company, voice::sip::SipCall *sip)
{
    using voice::sip::SipDigest;
    using voice::sip::SipVerdict;
    const SipAccess &access = company.config.voice.sip;
    if (access.open())
        return std::nullopt;
    const voice::sip::SipIncoming &in = sip->incoming();
    if (!access.allowedSources.isEmpty() && !allows(access.allowedSources, QHostAddress(in.source))) {
        qCInfo(lcSipAccess).noquote()
            << QStringLiteral("SIP: %1 is not among the sources company %2 allows: 403").arg(in.source, company.id);
        return SipVerdict::Forbidden;
    }
    if (access.hasDigest()) {
        const Result<QString> password = m_calls.engine().sipDigestPassword(company.config.voice);
        if (!password) {
            qCWarning(lcSipAccess).noquote() << QStringLiteral("SIP: company %1's digest password cannot be opened: %2")
                                                    .arg(company.id, password.error().message);
            return SipVerdict::Unavailable;
        }
        const qint64 now = m_calls.engine().clock().nowMs();
        const SipDigest::Outcome outcome
            = m_digest.check(in.authorizations, {access.digestUsername, *password, access.digestAlgorithms},
                QString::fromLatin1(kRealm), QStringLiteral("INVITE"), now);
        if (outcome == SipDigest::Outcome::Wrong) {
            qCInfo(lcSipAccess).noquote()
                << QStringLiteral("SIP: %1 gave wrong credentials for company %2: 403").arg(in.source, company.id);
            return SipVerdict::Forbidden;
        }
        if (outcome != SipDigest::Outcome::Valid) {
            sip->challenge(m_digest.challenge(
                QString::fromLatin1(kRealm), access.digestAlgorithms, outcome == SipDigest::Outcome::Stale, now));
            return SipVerdict::Unauthorized;
        }
    }
    sip->trustSource(); // a trunk the company allows, or one that proved who it is
    return std::nullopt;
}

bool SipDoor::allows(const QStringList &sources, const QHostAddress &address)
{
    http::AddressRanges ranges;
    for (const QString &source : sources)
        if (const auto range = http::AddressRanges::rangeOf(source)) // each was checked when it was set
            ranges.add(*range);
    return ranges.contains(address);
}

} // namespace tierdesk::api
