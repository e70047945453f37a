#pragma once

#include "core/common/Result.h"
#include "core/domain/Mention.h"
#include "core/store/Database.h"

#include <QList>

#include <optional>

namespace tierdesk {

// The mentions table (migration 18): colleagues named in internal notes, per person.
class MentionRepo {
public:
    explicit MentionRepo(Database &db) : m_db(db) { }
    Status insert(const Mention &m);
    // A person's mentions, newest first; only the unread ones when `unreadOnly`.
    QList<Mention> forAgent(const QString &companyId, const QString &agentId, bool unreadOnly, int limit);
    int unreadCount(const QString &companyId, const QString &agentId);
    // Marks one of the person's mentions read (kept as it was when already read); none when it is not theirs.
    std::optional<Mention> markRead(const QString &companyId, const QString &agentId, const QString &id, qint64 now);

private:
    std::optional<Mention> find(const QString &companyId, const QString &agentId, const QString &id);

    Database &m_db;
};

} // namespace tierdesk
