#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QStringList>

#include <optional>

namespace tierdesk {

// A company's e-mail notifications (platform services, seed 000): where they go,
// for which events and in which format.
struct EmailNotificationConfig {
    QString companyId;
    QString email;
    QStringList events; // escalation.created | high_priority_case
    QString format; // html | text
    qint64 updatedAt = 0;
};

// The email_notifications table: one row per company, replaced on each configure.
class EmailNotificationRepo {
public:
    explicit EmailNotificationRepo(Database &db) : m_db(db) { }
    Status put(const EmailNotificationConfig &config);
    std::optional<EmailNotificationConfig> find(const QString &companyId);
    Result<bool> anyConfigured(); // whether any company has e-mail notifications

private:
    Database &m_db;
};

} // namespace tierdesk
