// MoneyOutbox: a money action called at its provider with its key, and settled from the answer.
#include "core/engine/sources/MoneyOutbox.h"

#include "core/integrations/connectors/StripeProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {

namespace {

using State = MoneyAction::State;

constexpr int kMinSweepMs = 100; // the sweep timer's shortest period

// An `http` connector's answer: its "status" field when it reads one, else done. For a refund
// or credit "cancelled" means it was called off; for a cancellation it is the order's new state.
State httpState(const connectors::ConnectorAnswer &a, MoneyAction::Kind kind)
{
    const QString status = a.fields.value(QStringLiteral("status")).toLower();
    if (status == QLatin1String("pending") || status == QLatin1String("requested")
        || status == QLatin1String("processing"))
        return State::Requested;
    const bool calledOff = status == QLatin1String("canceled") || status == QLatin1String("cancelled");
    if (calledOff)
        return kind == MoneyAction::Kind::Cancel ? State::Succeeded : State::Failed;
    if (status == QLatin1String("failed") || status == QLatin1String("declined") || status == QLatin1String("rejected"))
        return State::Failed;
    return State::Succeeded;
}

ConnectorPurpose purposeOf(MoneyAction::Kind kind)
{
    switch (kind) {
    case MoneyAction::Kind::Refund:
        return ConnectorPurpose::Refund;
    case MoneyAction::Kind::Credit:
        return ConnectorPurpose::Credit;
    case MoneyAction::Kind::Cancel:
        return ConnectorPurpose::Cancel;
    }
    return ConnectorPurpose::Refund;
}

State stripeState(const connectors::StripeRefund &r)
{
    if (r.done())
        return State::Succeeded;
    return r.requested() ? State::Requested : State::Failed;
}

} // namespace

MoneyOutbox::MoneyOutbox(EngineCore &core, Connectors &connectors, QObject *parent)
    : QObject(parent), m_core(core), m_connectors(connectors)
{
    connect(&m_timer, &QTimer::timeout, this, &MoneyOutbox::sweep);
}

void MoneyOutbox::install()
{
    Store &store = m_core.store();
    m_core.actions().setMoneyRoute(&store.moneyActions(),
        [this](const QString &companyId, ConnectorPurpose purpose) -> Result<std::optional<Connector>> {
            const auto company = m_core.company(companyId);
            if (!company)
                return company.error();
            const ConnectorSettings &named = company->config.connectors;
            const QString name = purpose == ConnectorPurpose::Credit ? named.credit
                : purpose == ConnectorPurpose::Cancel                ? named.cancel
                                                                     : named.refund;
            if (name == QLatin1String(ConnectorSettings::kBuiltin))
                return std::optional<Connector>();
            Store &s = m_core.store();
            std::optional<Connector> c = s.connectors().find(companyId, name, s.webhooks().sealer());
            if (!c || !c->serves(purpose))
                return makeError(ErrorKind::Unavailable,
                    QStringLiteral("the connector \"%1\" named for %2 is not there").arg(name, toString(purpose)));
            return c;
        });
}

void MoneyOutbox::start(int everyMs)
{
    Store &store = m_core.store();
    // SQLite: this process alone owns the store, so no lease is anybody's now. On PostgreSQL
    // another instance may be calling: its leases run out by themselves.
    if (!store.db().postgres())
        store.batch().run([&] { return store.moneyActions().releaseLeases(); });
    sweep();
    m_timer.start(qMax(kMinSweepMs, everyMs));
}

std::optional<MoneyOutbox::Call> MoneyOutbox::prepare(const QString &id, qint64 now)
{
    if (m_inFlight.contains(id))
        return std::nullopt;
    Store &store = m_core.store();
    const std::optional<MoneyAction> a = store.moneyActions().find(id);
    if (!a || a->state != MoneyAction::State::Pending)
        return std::nullopt;
    const std::optional<Connector> c = store.connectors().find(a->companyId, a->connector, store.webhooks().sealer());
    Result<bool> taken = false;
    store.batch().run([&]() -> Status {
        // Held for the call's timeout and a margin: another instance of a team takes it over after that.
        taken = store.moneyActions().take(id, now, now + (c ? c->timeoutMs : 0) + kCallMarginMs);
        if (taken && *taken && !c) // gone: kept pending with its key until someone puts it back
            return store.moneyActions().retryLater(
                id, QStringLiteral("the connector is not there"), now, now + kMaxRetryMs);
        return taken ? Status(Ok{}) : Status(taken.error());
    });
    // Committed before the provider is called: the action (and the turn that opened it) is on disk.
    if (!taken || !*taken || !c || !store.batch().flush())
        return std::nullopt; // another instance has it, or it is not due
    Call call{*a, *c, inputOf(*a, *c)};
    ++call.action.attempts;
    m_inFlight.insert(id);
    return call;
}

connectors::ConnectorInput MoneyOutbox::inputOf(const MoneyAction &a, const Connector &c)
{
    connectors::ConnectorInput in;
    const bool refund = a.kind == MoneyAction::Kind::Refund;
    in.purpose = purposeOf(a.kind);
    const qint64 minor = connectors::StripeProtocol::toMinor(a.amount, a.currency);
    in.values = {{QStringLiteral("orderId"), a.orderId},
        {QStringLiteral("customerId"), c.kind == ConnectorKind::Stripe ? a.target : a.customerId},
        {QStringLiteral("amount"), QString::number(a.amount, 'f', 2)},
        {QStringLiteral("amountCents"), QString::number(minor)}, {QStringLiteral("currency"), a.currency},
        {QStringLiteral("reason"), QStringLiteral("requested_by_customer")},
        {QStringLiteral("paymentReference"), refund ? a.target : QString()}, {QStringLiteral("sessionId"), a.sessionId},
        {QStringLiteral("idempotencyKey"), a.idempotencyKey}, {QStringLiteral("moneyActionId"), a.id}};
    in.contact.contactId = a.sessionId;
    return in;
}

void MoneyOutbox::settle(const QStringList &ids, QObject *context, Settled done, bool tell)
{
    const qint64 now = m_core.clock().nowMs();
    auto results = std::make_shared<QList<MoneyAction>>();
    auto left = std::make_shared<int>(0);
    QList<Call> calls;
    for (const QString &id : ids)
        if (std::optional<Call> call = prepare(id, now))
            calls << *call;
    if (calls.isEmpty()) {
        done({});
        return;
    }
    *left = int(calls.size());
    const QPointer<QObject> guard(context);
    for (const Call &call : std::as_const(calls))
        m_connectors.call(call.connector, call.input, call.action.sessionId, this,
            [this, call, results, left, guard, done, tell](const connectors::ConnectorAnswer &answer) {
                *results << apply(call, answer, tell);
                if (--*left == 0 && guard)
                    done(*results);
            });
}

QList<MoneyAction> MoneyOutbox::settleNow(const QStringList &ids)
{
    QList<MoneyAction> out;
    for (const QString &id : ids) {
        const std::optional<Call> call = prepare(id, m_core.clock().nowMs());
        if (!call)
            continue;
        const connectors::ConnectorAnswer answer
            = connectors::ConnectorClient(m_connectors.transport()).call(call->connector, call->input);
        m_connectors.recordCall(call->connector, call->input.purpose, call->action.sessionId, answer);
        out << apply(*call, answer, false);
    }
    return out;
}

MoneyAction MoneyOutbox::apply(const Call &call, const connectors::ConnectorAnswer &answer, bool tell)
{
    m_inFlight.remove(call.action.id);
    MoneyAction a = call.action;
    const qint64 now = m_core.clock().nowMs();
    if (answer.unanswered()) {
        // Called again with the same key: 5 s, 10 s, 20 s ... up to 10 minutes apart.
        const qint64 wait = qMin(kMaxRetryMs, kFirstRetryMs << qBound(0, a.attempts - 1, 10));
        Store &store = m_core.store();
        store.batch().run([&] { return store.moneyActions().retryLater(a.id, answer.error, now, now + wait); });
        a.error = answer.error;
        return a;
    }
    State state = State::Failed;
    QString providerId;
    QString error = answer.error;
    if (answer.ok && answer.refund) {
        state = stripeState(*answer.refund);
        providerId = answer.refund->id;
        error = answer.refund->failureReason;
    } else if (answer.ok && answer.credit) {
        state = State::Succeeded;
        providerId = answer.credit->id;
    } else if (answer.ok && answer.found) {
        state = httpState(answer, a.kind);
        providerId = answer.fields.value(QStringLiteral("id"));
    } else if (answer.ok) {
        error = a.kind == MoneyAction::Kind::Cancel ? QStringLiteral("the company's system knows no such order")
                                                    : QStringLiteral("the provider knows no such payment");
    }
    settleRow(a, state, providerId, error, tell, now);
    return a;
}

} // namespace tierdesk
