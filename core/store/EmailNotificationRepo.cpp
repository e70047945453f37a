#include "core/store/EmailNotificationRepo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {

Status EmailNotificationRepo::put(const EmailNotificationConfig &c)
{
    const QString events
        = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(c.events)).toJson(QJsonDocument::Compact));
    return m_db.status(m_db.write(
        QStringLiteral("INSERT INTO email_notifications(company_id, email, events, format, updated_at)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT(company_id) DO UPDATE SET email = excluded.email,"
                       " events = excluded.events, format = excluded.format, updated_at = excluded.updated_at"),
        {c.companyId, c.email, events, c.format, c.updatedAt}));
}

std::optional<EmailNotificationConfig> EmailNotificationRepo::find(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT email, events, format, updated_at FROM email_notifications WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}))
        return std::nullopt;
    std::optional<EmailNotificationConfig> out;
    if (q.next()) {
        QStringList events;
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(1).toByteArray()).array())
            events << v.toString();
        out = EmailNotificationConfig{
            companyId, q.value(0).toString(), events, q.value(2).toString(), q.value(3).toLongLong()};
    }
    q.finish();
    return out;
}

Result<bool> EmailNotificationRepo::anyConfigured()
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT 1 FROM email_notifications LIMIT 1"));
    if (!m_db.exec(q, {}))
        return m_db.lastFailure();
    const bool found = q.next();
    q.finish();
    return found;
}

} // namespace tierdesk
