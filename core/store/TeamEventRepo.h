#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QList>

namespace tierdesk {

struct TeamEventRow {
    qint64 id = 0;
    QString origin; // the instance that wrote it
    QByteArray payload; // SessionEventCodec's text
};

// The team_events table (PostgreSQL only, migration 19): the instances' session events,
// each announced with NOTIFY on kChannel when its transaction commits.
class TeamEventRepo {
public:
    static constexpr const char *kChannel = "tierdesk_events";
    // A company's settings changed (payload: its id), announced when the change commits: the
    // instances read it again instead of going on with what they hold.
    static constexpr const char *kCompanyChannel = "tierdesk_companies";
    static Status announceCompanyChange(Database &db, const QString &companyId);
    // Login sessions ended (no payload): the instances read which from login_sessions, and refuse
    // their tokens from then on.
    static constexpr const char *kLoginChannel = "tierdesk_logins";
    static Status announceLoginsEnded(Database &db);

    explicit TeamEventRepo(Database &db) : m_db(db) { }
    Status append(const QString &origin, const QByteArray &payload, qint64 now);
    // The rows after `afterId`, oldest first.
    QList<TeamEventRow> after(qint64 afterId, int limit);
    qint64 lastId();
    // Deletes the rows written before `beforeMs`; how many went.
    int prune(qint64 beforeMs);

private:
    Database &m_db;
};

} // namespace tierdesk
