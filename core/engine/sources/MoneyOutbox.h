#pragma once

#include "core/domain/MoneyAction.h"
#include "core/engine/actions/Actions.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/sources/Connectors.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace tierdesk {

// Money at a company's payment provider, exactly once (DESIGN.md, "A company's own systems";
// practice 18): an action is written pending with its idempotency key in the deciding
// transaction (ActionExecutor); here the provider is called with that key through the
// company's connector (off the engine thread, logged), and its answer settles the action in a
// transaction of its own: succeeded -> a ledger row with the provider's id (a builtin order's
// refund recorded), requested -> the provider says later (a webhook), failed -> nothing moved,
// a person takes over. A cancellation at the company's order system (the `cancel` purpose) is
// carried the same way: it moves no money, but must happen once too. No answer at all (network, timeout, 5xx) leaves it
// pending: it is called again with the same key, with backoff, and at every start. What settles outside a turn (a
// retry, a webhook, a start after a crash) is told to the customer in the session, once.
class MoneyOutbox : public QObject {
public:
    static constexpr qint64 kLeaseMs = 2 * 60 * 1000; // a turn's hold on what it settled, until its reply is stored
    static constexpr qint64 kCallMarginMs = 30 * 1000; // a call's hold: the connector's timeout and this
    static constexpr qint64 kFirstRetryMs = 5000;
    static constexpr qint64 kMaxRetryMs = 10 * 60 * 1000;
    static constexpr int kSweepBatch = 50;

    MoneyOutbox(EngineCore &core, Connectors &connectors, QObject *parent = nullptr);

    // Routes the executor's refunds and credits to the connectors the companies' configurations name.
    void install();
    // Calls every due pending action, tells what settled untold, and keeps doing so every `everyMs`.
    void start(int everyMs = 5000);
    void sweep();

    // A turn's actions: each called (off the engine thread) and settled, then done(settled) on the
    // engine thread while `context` lives. The customer is told by the turn's reply.
    // `tell`: outside a turn (a person's action): the customer is told in the session as each settles.
    using Settled = std::function<void(const QList<MoneyAction> &)>;
    void settle(const QStringList &ids, QObject *context, Settled done, bool tell = false);
    // The same, the calls made on this thread (the synchronous turn; command-line tools, tests).
    QList<MoneyAction> settleNow(const QStringList &ids);
    // After the turn's reply is stored: its actions were told.
    void told(const QStringList &ids);

    // A Stripe webhook for connector `name` of the company (refund.updated / refund.failed),
    // verified by its Stripe-Signature with the connector's webhook secret: settles the refund
    // it names and tells the customer. Unauthenticated when the signature does not hold,
    // NotFound for no such stripe connector; an event about no action of ours is Ok (ignored).
    Status webhook(
        const QString &companyId, const QString &name, const QByteArray &payload, const QByteArray &signature);

    // The report of a turn as its actions settled: done, requested, or failed (words in `say`).
    static void report(ActionReport &r, const QList<MoneyAction> &settled, const Phrases &say);
    static void reportCancel(ActionReport &r, const MoneyAction &a, const Phrases &say);
    // An action as the store holds it now.
    std::optional<MoneyAction> find(const QString &id) { return m_core.store().moneyActions().find(id); }

private:
    struct Call {
        MoneyAction action;
        Connector connector;
        connectors::ConnectorInput input;
    };
    std::optional<Call> prepare(const QString &id, qint64 now);
    static connectors::ConnectorInput inputOf(const MoneyAction &a, const Connector &c);
    // Reads the provider's answer and settles the action in a transaction; `tell`: outside a turn.
    MoneyAction apply(const Call &call, const connectors::ConnectorAnswer &answer, bool tell);
    bool settleRow(MoneyAction &a, MoneyAction::State state, const QString &providerId, const QString &error, bool tell,
        qint64 now);
    bool recordSucceeded(const MoneyAction &a, qint64 now);
    bool tellCustomer(const MoneyAction &a, qint64 now);
    void tellUntold(qint64 now);
    static QString ledgerDetails(const MoneyAction &a);

    EngineCore &m_core;
    Connectors &m_connectors;
    QTimer m_timer;
    QSet<QString> m_inFlight; // called by this instance right now
};

} // namespace tierdesk
