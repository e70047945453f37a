#pragma once

#include "core/common/Result.h"
#include "core/domain/DeskItem.h"
#include "core/domain/Enums.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The rows of a demo load (core/engine/desk/DemoLoad decides what they hold).
struct LoadCustomer {
    QString id;
    QString name;
    QString email;
    QString tier; // BRONZE, SILVER, GOLD, PLATINUM
    double lifetimeValue = 0;
    bool vip = false;
    qint64 createdAt = 0;
};

struct LoadSession {
    QString id;
    QString customerId;
    QString channel;
    Tier tier = Tier::AiRep;
    SessionStatus status = SessionStatus::Resolved;
    IssueCategory category = IssueCategory::GeneralInquiry;
    QString summary;
    Sentiment sentiment = Sentiment::Neutral;
    qint64 createdAt = 0;
    qint64 lastActivityAt = 0; // also its updated_at
    qint64 resolvedAt = 0; // 0: not resolved
    QString resolution; // the stored resolution document; empty: none
    int messageCount = 0;
};

struct LoadMessage {
    QString id;
    int seq = 0;
    QString role;
    QString content;
    qint64 timestamp = 0;
    std::optional<Sentiment> sentiment;
};

// Writes a demo load with statements prepared once, in the caller's
// transactions (Database::begin/commit): hundreds of thousands of rows a run.
class DemoLoadRepo {
public:
    explicit DemoLoadRepo(Database &db);

    Status addCustomer(const QString &companyId, const LoadCustomer &c); // an existing id is kept as it is
    Status addSession(const QString &companyId, const LoadSession &s);
    Status addMessage(const QString &sessionId, const LoadMessage &m);
    Status addSentiment(const QString &sessionId, Sentiment sentiment, double score, qint64 at);
    Status addEscalation(const QString &sessionId, const QString &companyId, Tier from, Tier to,
        EscalationReason reason,
        qint64 at); // an automatic one
    // A waiting item: nobody holds it, no response yet.
    Status addDeskItem(const DeskItem &item);

private:
    static Status run(QSqlQuery &q, const QVariantList &values);

    QSqlQuery m_session, m_message, m_sentiment, m_escalation, m_desk, m_customer;
};

} // namespace tierdesk
