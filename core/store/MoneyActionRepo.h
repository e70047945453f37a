#pragma once

#include "core/common/Result.h"
#include "core/domain/MoneyAction.h"
#include "core/store/Database.h"

#include <QList>

#include <optional>

namespace tierdesk {

// The money_actions table (migration 23): money at a company's payment provider, and
// cancellations at its order system. Every
// change of state is conditional on the state it changes from, so a late answer, a repeated
// webhook or a second instance never settles an action twice; an instance takes a pending
// action by moving its lease forward in one UPDATE (exactly one instance wins it).
class MoneyActionRepo {
public:
    explicit MoneyActionRepo(Database &db) : m_db(db) { }

    Status insert(const MoneyAction &a); // Conflict when its id or idempotency key is taken
    std::optional<MoneyAction> find(const QString &id);
    std::optional<MoneyAction> findByProvider(const QString &companyId, const QString &providerId);
    QList<MoneyAction> ofSession(const QString &sessionId);
    // The latest action of `kind` on an order (a cancellation asked again finds the first).
    std::optional<MoneyAction> latestOf(const QString &companyId, const QString &orderId, MoneyAction::Kind kind);

    // Takes a pending action for a call until `leaseUntil` (its attempts counted): false when it is
    // not pending, or another holds it, or it is not due yet.
    Result<bool> take(const QString &id, qint64 nowMs, qint64 leaseUntil);
    // Takes a final action not yet told to the customer, to tell them: false when another did.
    Result<bool> takeToTell(const QString &id, qint64 nowMs, qint64 leaseUntil);
    // Pending actions due for a call (their lease run out), oldest first.
    QList<QString> due(qint64 nowMs, int limit);
    // Final actions the customer was not told of, their lease run out.
    QList<QString> untold(qint64 nowMs, int limit);

    // Settles it from pending (to any state) or requested (to succeeded or failed): false when it
    // was settled already (a repeated answer or event). The lease is kept until `leaseUntil`.
    Result<bool> settle(const QString &id, MoneyAction::State state, const QString &providerId, const QString &error,
        qint64 nowMs, qint64 leaseUntil);
    // A call that got no answer: pending still, called again with the same key from `nextAttemptAt`.
    Status retryLater(const QString &id, const QString &error, qint64 nowMs, qint64 nextAttemptAt);
    Status markTold(const QString &id, qint64 nowMs);
    // At the start of the one process that owns a SQLite store: the leases a killed process held
    // are let go, and what is pending is due now.
    Status releaseLeases();

    // What Tierdesk refunded of an order at a provider: pending and requested refunds, and with
    // `succeeded` those the provider confirmed too.
    double refundedAtProvider(const QString &companyId, const QString &orderId, bool succeeded);

private:
    QList<QString> ids(const QString &sql, qint64 nowMs, int limit);
    QList<MoneyAction> many(QSqlQuery &q);

    Database &m_db;
};

} // namespace tierdesk
