#pragma once

#include "core/common/Result.h"
#include "core/domain/SessionFile.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The session_files table: files sent in conversations, kept in the database (in team mode too,
// so every server of the team serves them).
class SessionFileRepo {
public:
    explicit SessionFileRepo(Database &db) : m_db(db) { }
    Status insert(const SessionFile &f);
    // The file with its content, when it belongs to that company's session.
    std::optional<SessionFile> find(const QString &companyId, const QString &sessionId, const QString &id);
    // Every file of the customer's sessions, and the files their mails brought (erasure).
    Status eraseOfCustomer(const QString &companyId, const QString &customerId);

private:
    Database &m_db;
};

} // namespace tierdesk
