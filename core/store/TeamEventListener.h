#pragma once

#include "core/store/Database.h"

#include <QObject>

#include <memory>

namespace tierdesk {

// Team mode: the connection that LISTENs on TeamEventRepo's channels, and nothing else (one
// that runs queries too may read a notification off the socket mid-query and hold it until its
// next). Says what the other instances announced as typed signals.
class TeamEventListener : public QObject {
    Q_OBJECT

public:
    // A listener on `target`, or nullptr when it cannot connect or subscribe.
    static std::unique_ptr<TeamEventListener> open(const DatabaseTarget &target);

    // Whether its connection still answers (the database restarted, the network dropped).
    bool alive();

signals:
    // Some instance wrote team_events rows (TeamEventRepo::kChannel).
    void eventsWritten();
    // A company's settings or models changed on some instance (TeamEventRepo::kCompanyChannel).
    void companyChanged(const QString &companyId);
    // Login sessions ended on some instance (TeamEventRepo::kLoginChannel).
    void loginsEnded();

private:
    explicit TeamEventListener(std::unique_ptr<Database> db);

    std::unique_ptr<Database> m_db;
};

} // namespace tierdesk
