#pragma once

#include "core/engine/channels/MailboxSettings.h"
#include "core/engine/channels/TwilioSettings.h"
#include "core/engine/channels/WebChannelSettings.h"
#include "core/engine/pipeline/Actor.h"
#include "core/engine/pipeline/EngineCore.h"

#include <optional>

namespace tierdesk {

// A company's inbox channels: its mailbox and its Twilio account (checked, secrets sealed, audited),
// and what the mailbox's poller remembers. A number or an address is one company's. Engine thread.
class ChannelAccounts {
public:
    static constexpr int kMaxNumbers = 20;

    explicit ChannelAccounts(EngineCore &core) : m_core(core) { }

    // A replacement that leaves a secret out keeps the stored one (secrets are write-only).
    Result<MailboxSettings> putEmail(
        const QString &companyId, MailboxSettings settings, const Actor &actor, bool *created);
    Result<MailboxSettings> email(const QString &companyId);
    Status removeEmail(const QString &companyId, const Actor &actor);
    Result<EmailMailboxState> emailState(const QString &companyId);
    Status setEmailState(const QString &companyId, const EmailMailboxState &state);
    // Every company with a mailbox, for the poller.
    QList<QPair<QString, MailboxSettings>> mailboxes();
    // The company whose support address is `address` (mail handed in by a server names it).
    std::optional<QString> companyForAddress(const QString &address);

    Result<TwilioSettings> putTwilio(
        const QString &companyId, TwilioSettings settings, const Actor &actor, bool *created);
    Result<TwilioSettings> twilio(const QString &companyId);
    Status removeTwilio(const QString &companyId, const Actor &actor);
    static Status checkTwilio(const TwilioSettings &settings);

    // The web channel's settings (the defaults while the company has set none); a replacement
    // keeps the identity secret, which only newWebIdentitySecret makes.
    Result<WebChannelSettings> putWeb(const QString &companyId, WebChannelSettings settings, const Actor &actor);
    Result<WebChannelSettings> web(const QString &companyId);
    // A new identity secret in place of the old one (which stops proving anyone at once),
    // returned this once: 64 hex digits.
    Result<QString> newWebIdentitySecret(const QString &companyId, const Actor &actor);

private:
    Status checkNumbersFree(const QString &companyId, const QStringList &numbers);
    Status putRow(const QString &companyId, const QString &kind, const QVariantMap &settings,
        const QJsonObject &secrets, const QJsonObject &audit, const Actor &actor, bool *created);
    Status removeRow(const QString &companyId, const QString &kind, const Actor &actor);

    EngineCore &m_core;
};

} // namespace tierdesk
