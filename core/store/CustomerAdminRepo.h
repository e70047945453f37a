#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// What an admin does with a company's customers beside the message path (CustomerRepo):
// searching them, matching an imported row, and finding and rewriting every stored text of a
// customer's sessions when they are erased.
class CustomerAdminRepo {
public:
    explicit CustomerAdminRepo(Database &db) : m_db(db) { }

    // `query` matches (case-insensitively, anywhere) the id, name, e-mail or phone; empty matches all.
    // Ordered by name, then id; `total` is the count of all that match.
    Result<QList<Customer>> search(const QString &companyId, const QString &query, int limit, int offset, int *total);
    // The company's customers with any of these ids, e-mail addresses or phones (an import's
    // batch of rows matched in three statements, not three a row).
    Result<QList<Customer>> findAny(
        const QString &companyId, const QStringList &ids, const QStringList &emails, const QStringList &phones);

    // One stored text of a customer's sessions that may hold their personal data.
    struct SessionText {
        enum class Where {
            MessageContent,
            MessageMetadata,
            SessionSummary,
            SessionMetadata,
            EscalationNotes,
            SentimentTrigger,
            MentionExcerpt,
            GapQuestion
        };
        Where where = Where::MessageContent;
        QString sessionId;
        QString key; // the message's, mention's or gap question's id; the escalation's or reading's time
        QString text;
    };
    Result<QList<SessionText>> sessionTexts(const QString &companyId, const QString &customerId);
    Status rewrite(const SessionText &cell, const QString &text);
    // The customer keeps only their id (and what is no personal data: tier, value, balance).
    Status erase(const QString &companyId, const QString &customerId, qint64 nowMs);
    // The conversational memory (slots, references) of the customer's sessions.
    Status forgetDialogues(const QString &companyId, const QString &customerId);

private:
    Database &m_db;
};

} // namespace tierdesk
