#pragma once

#include "core/domain/CsConfig.h"
#include "core/domain/Enums.h"
#include "core/domain/MessageMeta.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// Plain value types of the canonical CS domain (seed 001). Times are epoch ms, UTC.
namespace tierdesk {

struct Company {
    QString id;
    QString name;
    qint64 createdAt = 0;
    CsConfig config;
};

// A customer's membership: plan, status (active, paused, cancelled) and monthly price.
struct Subscription {
    QString plan;
    QString status;
    double monthlyPrice = 0;

    bool operator==(const Subscription &o) const
    {
        return plan == o.plan && status == o.status && monthlyPrice == o.monthlyPrice;
    }
    bool operator!=(const Subscription &o) const { return !(*this == o); }
};

struct Customer {
    QString id;
    QString companyId;
    QString name;
    QString email;
    QString tier = QStringLiteral("STANDARD"); // loyalty tier: BRONZE, SILVER, GOLD, PLATINUM...
    double lifetimeValue = 0;
    bool isVIP = false;
    std::optional<Subscription> subscription; // none when the customer has none
    double creditBalance = 0;
    QString phone; // E.164-like ("+4930123456"), or empty
    QVariantMap attributes; // the company's own fields: flat strings, numbers and booleans
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // When the customer's data was erased on request (GDPR Art. 17), or 0: their client tokens
    // issued until then stay void, even if the company gives the id a record again.
    qint64 erasedAt = 0;
};

// The customer's subscription plan and status; empty when they have none.
inline QString subscriptionPlan(const Customer &c)
{
    return c.subscription ? c.subscription->plan : QString();
}
inline QString subscriptionStatus(const Customer &c)
{
    return c.subscription ? c.subscription->status : QString();
}

// A person who works the human tier (seed 004's agent profiles). `role` is
// agent, supervisor or admin; `queues` names the queues they answer.
struct Agent {
    QString id; // agt_...
    QString companyId;
    QString email; // unique, lower-case
    QString name;
    QString role = QStringLiteral("agent");
    QStringList queues;
    QString passwordHash; // libsodium crypto_pwhash_str (Argon2id)
    bool active = true;
    qint64 createdAt = 0;
    qint64 tokensValidAfter = 0; // unix seconds: login tokens issued before are refused
    // Conversations held at once before automatic assignment gives them no more (kMinCapacity..kMaxCapacity).
    int capacity = kDefaultCapacity;
    // The week's analytics by e-mail each Monday (notifications.weeklySummary): sent while the
    // person is an active supervisor or admin.
    bool weeklySummary = false;
    // A second factor (TOTP, RFC 6238): the confirmed secret and one being enrolled, both sealed
    // (empty: none); the last time step a code was accepted for (a code is good once).
    QString mfaSecret;
    QString mfaPending;
    qint64 mfaLastStep = 0;

    bool hasSecondFactor() const { return !mfaSecret.isEmpty(); }

    static constexpr int kDefaultCapacity = 3;
    static constexpr int kMinCapacity = 1;
    static constexpr int kMaxCapacity = 50;
};

// One line of an order.
struct OrderItem {
    QString sku;
    QString name;
    int quantity = 1;
    double price = 0; // per piece
};

struct Order {
    QString id; // the customer-facing number, e.g. ORD-10001
    QString companyId;
    QString customerId;
    QString status; // pending, processing, shipped, delivered, cancelled, refunded
    QList<OrderItem> items;
    double total = 0;
    double refundedAmount = 0;
    qint64 placedAt = 0;
    qint64 shippedAt = 0;
    qint64 estimatedDeliveryAt = 0;
    qint64 deliveredAt = 0;
    QString carrier;
    QString trackingNumber;
    // Beyond the store's columns: what a company's system may tell of an order
    // (sources/OrderSource, docs/api.md "Connectors").
    QString currency; // empty: the company's (USD)
    QString customerEmail; // the customer the source names by e-mail
    QString paymentReference; // pi_... or ch_... at the payment provider
    QString deliveryDate; // as the source wrote it, when it is not a date (seed 004's function)
    QString source; // the connector that told it; empty: the builtin store
    // False when the source names no customer (seed 004's function): only its status and
    // delivery date are told, and no money moves on it.
    bool customerNamed = true;
};

struct Message {
    QString id;
    QString role; // customer, ai_rep, ai_manager, human_agent, system
    QString content;
    qint64 timestamp = 0;
    std::optional<Sentiment> sentiment;
    MessageMeta meta; // "metadata"
};

struct SentimentPoint {
    Sentiment sentiment = Sentiment::Neutral;
    double score = 0.5;
    qint64 timestamp = 0;
    QString trigger;
};

struct EscalationRecord {
    Tier fromTier = Tier::AiRep;
    Tier toTier = Tier::AiManager;
    EscalationReason reason = EscalationReason::ComplexIssue;
    qint64 timestamp = 0;
    QString notes;
    bool automatic = false;
    // A person moved the session (to an AI tier or another queue); `reason`
    // repeats the reason of the escalation being moved on (docs/api.md).
    bool transfer = false;
};

struct Resolution {
    ResolutionType type = ResolutionType::IssueResolved;
    QString summary;
    QStringList actionsTaken;
    bool followUpRequired = false;
    // The person who resolved it; empty when the AI or an API client did.
    QString resolvedById{};
    QString resolvedByName{};
    // The person who held the session on the desk when it was resolved (their rating's agent).
    QString heldById{};
    QString heldByName{};
};

struct Session {
    QString id;
    QString companyId;
    QString customerId;
    Channel channel = Channel::Chat;
    Tier currentTier = Tier::AiRep;
    SessionStatus status = SessionStatus::Active;
    std::optional<IssueCategory> issueCategory;
    QString issueSummary;
    Sentiment customerSentiment = Sentiment::Neutral;
    // Free-form: what the client gave (a JSON object, kept as JSON values) and what other
    // API families keep beside the session. Within 8 KiB as compact JSON.
    QVariantMap metadata;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 lastActivityAt = 0;
    qint64 resolvedAt = 0;
    std::optional<Resolution> resolution;
    int irateCount = 0; // irate customer messages at the current tier
    int unconfidentTurns = 0; // consecutive replies the AI could not ground
    int messageCount = 0;

    // Loaded on demand (Get Session); empty in lists. `messages` holds a window
    // of the transcript starting at position messagesFrom (0 = the first message).
    QList<Message> messages;
    int messagesFrom = 0;
    QList<SentimentPoint> sentimentHistory;
    QList<EscalationRecord> escalationHistory;

    bool isOpen() const { return status != SessionStatus::Resolved && status != SessionStatus::Abandoned; }
};

} // namespace tierdesk
