#include "core/store/SettingsRepo.h"

namespace tierdesk {

std::optional<QString> SettingsRepo::value(const QString &key)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    if (!m_db.exec(q, {key}) || !q.next())
        return std::nullopt;
    const QString v = q.value(0).toString();
    q.finish();
    return v;
}

Result<QString> SettingsRepo::keepFirst(const QString &key, const QString &value)
{
    if (!m_db.write(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"),
            {key, value}))
        return m_db.lastFailure();
    const auto kept = this->value(key);
    if (!kept)
        return makeError(ErrorKind::Internal, QStringLiteral("setting %1 was not kept").arg(key));
    return *kept;
}

} // namespace tierdesk
