#include "core/engine/pipeline/OrderGatherer.h"

#include "core/engine/actions/Actions.h"
#include "core/engine/customers/CustomerFields.h"
#include "core/engine/dialogue/DialogueState.h"
#include "core/engine/sources/OrderNumbers.h"
#include "core/store/Store.h"

#include <QPointer>
#include <QSemaphore>

#include <vector>

namespace tierdesk {

struct OrderGatherer::Plan {
    GatheredOrders known; // from the cache, the builtin store, or a source that is not there
    std::shared_ptr<OrderSource> order;
    std::shared_ptr<OrderSource> orders;
    QStringList calls; // numbers to ask `order` for over the network
    bool callRecent = false;
    std::shared_ptr<CustomerSource> customer; // set: the customer is asked over the network
};

namespace {

OrderLookup failedLookup(const QString &reason)
{
    OrderLookup l;
    l.state = OrderLookup::State::Failed;
    l.reason = reason;
    return l;
}

std::shared_ptr<OrderSource> sourceOf(Result<std::unique_ptr<OrderSource>> source, QString *reason)
{
    if (!source) {
        *reason = source.error().message;
        return nullptr;
    }
    return std::shared_ptr<OrderSource>(std::move(source.value()));
}

// A call that reached the company's system goes into its connector's log (no body, no secret).
template <typename Lookup>
void logCall(Connectors &connectors, const OrderGatherer::Ask &ask, ConnectorPurpose purpose, const Lookup &l, bool ok)
{
    Connector c;
    c.companyId = ask.companyId;
    c.name = l.source;
    connectors::ConnectorAnswer a;
    a.ok = ok;
    a.sent = true;
    a.status = l.status;
    a.latencyMs = l.latencyMs;
    a.error = l.reason;
    connectors.recordCall(c, purpose, ask.query.sessionId, a);
}

} // namespace

bool OrderGatherer::gathers(const CsConfig &config)
{
    const QLatin1String builtin(ConnectorSettings::kBuiltin);
    return config.connectors.order != builtin || config.connectors.orders != builtin;
}

bool OrderGatherer::asks(const CsConfig &config)
{
    return gathers(config) || config.connectors.customer != QLatin1String(ConnectorSettings::kBuiltin);
}

OrderGatherer::Ask OrderGatherer::ask(const Company &company, const QString &sessionId, const QString &customerId,
    const QString &text, const QByteArray &stored) const
{
    Ask a;
    a.companyId = company.id;
    a.query.companyId = company.id;
    a.query.sessionId = sessionId;
    a.query.customerId = customerId;
    a.query.contact.contactId = sessionId;
    const std::optional<Customer> known = m_core.store().customers().find(company.id, customerId);
    if (known)
        a.query.customerEmail = known->email;
    const QString &crm = company.config.connectors.customer;
    // An erased customer is never looked up again; nor is an id the session will refuse.
    if (crm != QLatin1String(ConnectorSettings::kBuiltin) && !(known && known->erasedAt != 0)
        && CustomerFields::checkId(customerId)) {
        a.customer = CustomerQuery{
            company.id, sessionId, customerId, known ? known->email : QString(), known ? known->phone : QString()};
        a.customerConnector = crm;
    }
    a.orders = gathers(company.config);
    if (!a.orders)
        return a;
    a.numbers = OrderNumbers::of(company.config.connectors).in(text);
    // The orders the dialogue is about: "it", a yes to a summary, "the second one".
    const dialogue::DialogueState state = dialogue::DialogueState::fromBytes(stored);
    QStringList discussed{state.orderId};
    if (state.pending)
        discussed << state.pending->orderId;
    for (const dialogue::PendingAction &p : state.alsoPending)
        discussed << p.orderId;
    discussed << state.lastMentioned;
    for (const QString &number : std::as_const(discussed))
        if (!number.isEmpty() && !a.numbers.contains(number) && a.numbers.size() < 2 * OrderNumbers::kMaxNumbers)
            a.numbers << number;
    return a;
}

void OrderGatherer::gatherFor(const QString &companyId, const QString &sessionId, const QString &customerId,
    const QString &text, std::function<void(std::optional<GatheredOrders>)> then)
{
    const auto company = m_core.company(companyId);
    if (!company || !OrderGatherer::asks(company->config))
        return then(std::nullopt); // the store's orders and customer: read in the turn, as ever
    if (text.isEmpty() || text.size() > m_core.limits().maxMessageChars)
        return then(std::nullopt); // no message, or one the turn refuses
    QString customer = customerId;
    QByteArray state;
    if (!sessionId.isEmpty()) {
        const auto s = m_core.openSession(companyId, sessionId, false, QString());
        if (!s) // the turn reports why
            return then(std::nullopt);
        customer = s->customerId;
        state = m_core.store().dialogues().load(sessionId).value_or(QByteArray());
    }
    gather(ask(*company, sessionId, customer, text, state),
        [then = std::move(then)](GatheredOrders g) { then(std::move(g)); });
}

GatheredOrders OrderGatherer::gatherForNow(
    const Company &company, const QString &sessionId, const QString &customerId, const QString &text)
{
    const QByteArray state
        = sessionId.isEmpty() ? QByteArray() : m_core.store().dialogues().load(sessionId).value_or(QByteArray());
    return gatherNow(ask(company, sessionId, customerId, text, state));
}

OrderGatherer::Plan OrderGatherer::plan(const Ask &ask)
{
    Plan p;
    if (ask.orders)
        planOrders(ask, p);
    if (ask.customer)
        planCustomer(ask, p);
    return p;
}

void OrderGatherer::planCustomer(const Ask &ask, Plan &p)
{
    Result<std::shared_ptr<CustomerSource>> source
        = CustomerSource::of(m_connectors, ask.companyId, ask.customerConnector);
    if (!source) {
        CustomerLookup failed;
        failed.state = CustomerLookup::State::Failed;
        failed.reason = source.error().message;
        failed.source = ask.customerConnector;
        p.known.customer = failed;
    } else if (auto kept
        = m_customers.find(ask.companyId, (*source)->name(), ask.customer->customerId, m_core.clock().nowMs())) {
        p.known.customer = *kept;
    } else {
        p.customer = *source;
    }
}

void OrderGatherer::planOrders(const Ask &ask, Plan &p)
{
    const qint64 now = m_core.clock().nowMs();
    QString orderWhyNot, ordersWhyNot;
    p.order = sourceOf(m_connectors.orderSource(ask.companyId, ConnectorPurpose::Order), &orderWhyNot);
    p.orders = sourceOf(m_connectors.orderSource(ask.companyId, ConnectorPurpose::Orders), &ordersWhyNot);
    for (const QString &number : ask.numbers) {
        if (!p.order)
            p.known.byNumber.insert(number, failedLookup(orderWhyNot));
        else if (auto kept = m_cache.order(ask.companyId, p.order->name(), number, now))
            p.known.byNumber.insert(number, *kept);
        else if (!p.order->offEngineThread()) // the store: read here, as every turn does
            p.known.byNumber.insert(number, p.order->order(ask.query, number));
        else
            p.calls << number;
    }
    if (!p.orders) {
        OrdersLookup failed;
        failed.state = OrderLookup::State::Failed;
        failed.reason = ordersWhyNot;
        p.known.recent = failed;
    } else if (auto kept = m_cache.ordersOf(ask.companyId, p.orders->name(), ask.query.customerId, now)) {
        p.known.recent = *kept;
    } else if (!p.orders->offEngineThread()) {
        p.known.recent = p.orders->ordersOf(ask.query, ActionExecutor::kRecentOrders);
    } else {
        p.callRecent = true;
    }
}

void OrderGatherer::gather(const Ask &ask, Done done)
{
    auto p = std::make_shared<Plan>(plan(ask));
    auto left = std::make_shared<int>(int(p->calls.size()) + (p->callRecent ? 1 : 0) + (p->customer ? 1 : 0));
    if (*left == 0)
        return done(std::move(p->known));
    const QPointer<QObject> owner(m_owner);
    // Each answer comes back to the engine thread; the last one hands the whole over.
    // Runs on the pool: it reads nothing of this gatherer, which may be gone by then.
    const auto back = [core = &m_core, owner, p, left, done](std::function<void()> takeIt) {
        QMetaObject::invokeMethod(
            core,
            [owner, p, left, done, takeIt = std::move(takeIt)] {
                if (!owner)
                    return;
                takeIt();
                if (--*left == 0)
                    done(std::move(p->known));
            },
            Qt::QueuedConnection);
    };
    for (const QString &number : std::as_const(p->calls)) {
        m_connectors.start([this, source = p->order, ask, number, p, back] {
            const OrderLookup l = source->order(ask.query, number);
            back([this, ask, number, l, p] { take(ask, number, l, p->known); });
        });
    }
    if (p->callRecent) {
        m_connectors.start([this, source = p->orders, ask, p, back] {
            const OrdersLookup l = source->ordersOf(ask.query, ActionExecutor::kRecentOrders);
            back([this, ask, l, p] { take(ask, l, p->known); });
        });
    }
    if (p->customer) {
        m_connectors.start([this, source = p->customer, ask, p, back] {
            const CustomerLookup l = source->lookup(*ask.customer);
            back([this, ask, l, p] { take(ask, l, p->known); });
        });
    }
}

GatheredOrders OrderGatherer::gatherNow(const Ask &ask)
{
    Plan p = plan(ask);
    std::vector<OrderLookup> answers(static_cast<size_t>(p.calls.size()));
    OrdersLookup recent;
    QSemaphore done;
    for (size_t i = 0; i < answers.size(); ++i)
        m_connectors.start([&, i] {
            answers[i] = p.order->order(ask.query, p.calls.at(qsizetype(i)));
            done.release();
        });
    if (p.callRecent)
        m_connectors.start([&] {
            recent = p.orders->ordersOf(ask.query, ActionExecutor::kRecentOrders);
            done.release();
        });
    CustomerLookup customer;
    if (p.customer)
        m_connectors.start([&] {
            customer = p.customer->lookup(*ask.customer);
            done.release();
        });
    done.acquire(int(answers.size()) + (p.callRecent ? 1 : 0) + (p.customer ? 1 : 0));
    for (size_t i = 0; i < answers.size(); ++i)
        take(ask, p.calls.at(qsizetype(i)), answers[i], p.known);
    if (p.callRecent)
        take(ask, recent, p.known);
    if (p.customer)
        take(ask, customer, p.known);
    return std::move(p.known);
}

void OrderGatherer::take(const Ask &ask, const QString &number, const OrderLookup &l, GatheredOrders &into)
{
    if (l.sent)
        logCall(m_connectors, ask, ConnectorPurpose::Order, l, l.state != OrderLookup::State::Failed);
    m_cache.keep(ask.companyId, number, l, m_core.clock().nowMs());
    into.byNumber.insert(number, l);
}

void OrderGatherer::take(const Ask &ask, const OrdersLookup &l, GatheredOrders &into)
{
    if (l.sent)
        logCall(m_connectors, ask, ConnectorPurpose::Orders, l, l.state != OrderLookup::State::Failed);
    m_cache.keep(ask.companyId, ask.query.customerId, l, m_core.clock().nowMs());
    into.recent = l;
}

void OrderGatherer::take(const Ask &ask, const CustomerLookup &l, GatheredOrders &into)
{
    if (l.sent) // a value dropped is noted in the call's log, the call still being a success
        logCall(m_connectors, ask, ConnectorPurpose::Customer, l, l.state != CustomerLookup::State::Failed);
    m_customers.keep(ask.companyId, ask.customer->customerId, l, m_core.clock().nowMs());
    into.customer = l;
}

} // namespace tierdesk
