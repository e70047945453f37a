#pragma once

#include "core/common/Result.h"
#include "core/domain/KnowledgeGap.h"
#include "core/store/Database.h"

#include <QHash>

namespace tierdesk {

// The kb_gap_questions table: each question the AI could not answer from its company's
// knowledge, with its search terms (kept so that grouping reads them instead of stemming again),
// open until a new article answers it or a person dismisses its group.
class KbGapRepo {
public:
    explicit KbGapRepo(Database &db) : m_db(db) { }
    Status record(const QString &companyId, const GapQuestion &q);
    // The company's latest `limit` open questions, oldest first: id, session, time, terms and how its
    // session went (escalated to a person, resolved by one); not their words.
    Result<QList<GapQuestion>> open(const QString &companyId, int limit);
    // The words of these questions, by id.
    Result<QHash<QString, QString>> questions(const QString &companyId, const QStringList &ids);
    // Closes the open questions among `ids`: `why` is "answered" or "dismissed".
    Status close(const QString &companyId, const QStringList &ids, const QString &why, qint64 nowMs);
    // What people at the desk wrote in these sessions, the latest first, at most `limit` replies.
    Result<QStringList> peopleReplies(const QString &companyId, const QStringList &sessionIds, int limit);

private:
    Database &m_db;
};

} // namespace tierdesk
