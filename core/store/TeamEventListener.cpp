#include "core/store/TeamEventListener.h"

#include "core/store/TeamEventRepo.h"

#include <QSqlDriver>

#include <utility>

namespace tierdesk {

std::unique_ptr<TeamEventListener> TeamEventListener::open(const DatabaseTarget &target)
{
    auto db = Database::openPostgresListener(target);
    QSqlDriver *driver = db ? (*db)->handle().driver() : nullptr;
    if (!driver || !driver->subscribeToNotification(QLatin1String(TeamEventRepo::kChannel))
        || !driver->subscribeToNotification(QLatin1String(TeamEventRepo::kCompanyChannel))
        || !driver->subscribeToNotification(QLatin1String(TeamEventRepo::kLoginChannel)))
        return nullptr;
    return std::unique_ptr<TeamEventListener>(new TeamEventListener(std::move(db.value())));
}

TeamEventListener::TeamEventListener(std::unique_ptr<Database> db) : m_db(std::move(db))
{
    connect(m_db->handle().driver(), &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (name == QLatin1String(TeamEventRepo::kChannel))
                emit eventsWritten();
            else if (name == QLatin1String(TeamEventRepo::kCompanyChannel))
                emit companyChanged(payload.toString());
            else if (name == QLatin1String(TeamEventRepo::kLoginChannel))
                emit loginsEnded();
        });
}

bool TeamEventListener::alive()
{
    return m_db->exec(QStringLiteral("SELECT 1"));
}

} // namespace tierdesk
