#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The agents table: people who log in to the console.
class AgentRepo {
public:
    explicit AgentRepo(Database &db) : m_db(db) { }
    Status insert(const Agent &a);
    std::optional<Agent> find(const QString &companyId, const QString &id);
    // E-mail addresses are compared lower-case.
    std::optional<Agent> findByEmail(const QString &email);
    QList<Agent> list(const QString &companyId);
    // Name, role, queues, active, tokens_valid_after, capacity and weekly_summary; NotFound when no such agent.
    Status update(const Agent &a);
    // Any company's agent: a token names its agent by id.
    std::optional<Agent> findById(const QString &id);
    // Also refuses login tokens issued before tokensValidAfter (unix seconds).
    Status updatePassword(
        const QString &companyId, const QString &id, const QString &passwordHash, qint64 tokensValidAfter = 0);
    int count();

private:
    std::optional<Agent> fromQuery(QSqlQuery &q);
    Database &m_db;
};

} // namespace tierdesk
