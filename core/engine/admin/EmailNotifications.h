#pragma once

#include "core/engine/SessionEngine.h"
#include "core/store/EmailNotificationRepo.h"

namespace tierdesk {

// Where a company's e-mail notifications go (platform services, seed 000's
// POST /notifications/email/configure). On the engine thread; the platform
// family asks this, never the store. Sending is core/runtime/PlatformEmails.
class EmailNotifications {
public:
    explicit EmailNotifications(SessionEngine &engine) : m_engine(engine), m_repo(engine.core().store().db()) { }

    static QStringList events(); // escalation.created, high_priority_case
    static QStringList formats(); // html, text

    // Checks and stores the company's configuration (replacing the previous one)
    // in the group-commit batch; audited as notification.email.configure.
    // InvalidArgument (details.field) for a bad address, event or format;
    // NotFound for an unknown company.
    Result<EmailNotificationConfig> configure(const EmailNotificationConfig &config, const Actor &actor);
    std::optional<EmailNotificationConfig> find(const QString &companyId) { return m_repo.find(companyId); }
    // A store that cannot say counts as none (nothing to listen for until it can).
    bool anyConfigured()
    {
        const Result<bool> any = m_repo.anyConfigured();
        return any.ok() && any.value();
    }

private:
    SessionEngine &m_engine;
    EmailNotificationRepo m_repo;
};

} // namespace tierdesk
