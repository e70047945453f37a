#include "core/engine/admin/EmailNotifications.h"

#include "core/common/Validation.h"
#include "core/integrations/MailMessage.h"

#include <QJsonArray>

namespace tierdesk {

QStringList EmailNotifications::events()
{
    return {QStringLiteral("escalation.created"), QStringLiteral("high_priority_case")};
}

QStringList EmailNotifications::formats()
{
    return {QStringLiteral("html"), QStringLiteral("text")};
}

Result<EmailNotificationConfig> EmailNotifications::configure(const EmailNotificationConfig &config, const Actor &actor)
{
    if (!m_engine.company(config.companyId))
        return makeError(ErrorKind::NotFound, QStringLiteral("company not found"));
    // One plain address: it becomes an SMTP recipient, so MailAddress refuses anything that could inject.
    const auto address = MailAddress::parse(config.email);
    if (!address || !address->name.isEmpty() || config.email.contains(QLatin1Char('<')))
        return invalidField(QStringLiteral("email"), QStringLiteral("email must be one e-mail address"));
    if (config.events.isEmpty())
        return invalidField(QStringLiteral("events"), QStringLiteral("events must name at least one event"), events());
    for (const QString &e : config.events)
        if (!events().contains(e))
            return invalidField(QStringLiteral("events"), QStringLiteral("unknown event: ") + e.left(64), events());
    if (!formats().contains(config.format))
        return invalidField(QStringLiteral("format"), QStringLiteral("format must be html or text"), formats());

    EmailNotificationConfig stored = config;
    stored.email = address->address;
    stored.events.removeDuplicates();
    stored.updatedAt = m_engine.clock().nowMs();
    const bool ok = m_engine.core().store().batch().run([&] {
        return m_repo.put(stored)
            && m_engine.core().store().audit().append({stored.updatedAt, stored.companyId, actor.subject, actor.role,
                QStringLiteral("notification.email.configure"), QStringLiteral("notifications/email"),
                actor.clientAddress, AuditOutcome::Done,
                QVariantMap{{QStringLiteral("email"), stored.email}, {QStringLiteral("events"), stored.events}}});
    });
    if (!ok)
        return m_engine.core().store().batch().failure(QStringLiteral("could not store the e-mail notifications"));
    m_engine.announceSubscriptionsAfterCommit();
    return stored;
}

} // namespace tierdesk
