#pragma once

#include "core/common/Result.h"
#include "core/domain/KnowledgeGap.h"
#include "core/store/Database.h"

namespace tierdesk {

// The kb_gap_questions table: each question the AI could not answer from its company's
// knowledge, with its search terms (kept so that grouping reads them instead of stemming again),
// open until a new article answers it or a person dismisses its group.
class KbGapRepo {
public:
    explicit KbGapRepo(Database &db) : m_db(db) { }
    Status record(const QString &companyId, const GapQuestion &q, const QStringList &terms);
    // The company's open questions, oldest first, each with its terms in `terms` (same order) and
    // how its session went: escalated to a person, resolved by one.
    Result<QList<GapQuestion>> open(const QString &companyId, QList<QStringList> *terms);
    // Closes the open questions among `ids`: `why` is "answered" or "dismissed".
    Status close(const QString &companyId, const QStringList &ids, const QString &why, qint64 nowMs);
    // What people at the desk wrote in these sessions, the latest first, at most `limit` replies.
    Result<QStringList> peopleReplies(const QString &companyId, const QStringList &sessionIds, int limit);

private:
    Database &m_db;
};

} // namespace tierdesk
