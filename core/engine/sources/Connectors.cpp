#include "core/engine/sources/Connectors.h"

namespace tierdesk {

namespace {

QJsonObject nameField()
{
    return {{QStringLiteral("field"), QStringLiteral("name")}};
}

QString purposeList(const QList<ConnectorPurpose> &purposes)
{
    QStringList names;
    for (const ConnectorPurpose p : purposes)
        names << toString(p);
    return names.join(QStringLiteral(", "));
}

Error invalidInput(const char *field, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), QLatin1String(field)}});
}

} // namespace

Connectors::Connectors(EngineCore &core)
    : m_core(core), m_http(std::make_shared<CurlOutboundHttp>(m_policy)),
      m_tickets(std::make_unique<CrmTickets>(core, *this))
{
    m_pool.setMaxThreadCount(16); // connectors/maxConcurrent's default
}

Connectors::~Connectors()
{
    m_pool.waitForDone();
}

void Connectors::setAddressPolicy(const AddressPolicy &policy)
{
    m_policy = policy;
    m_http = std::make_shared<CurlOutboundHttp>(policy);
}

void Connectors::setMaxConcurrent(int calls)
{
    m_pool.setMaxThreadCount(qBound(1, calls, kMaxConcurrent));
}

Result<Connector> Connectors::put(
    const QString &companyId, const ConnectorDraft &draft, const Actor &actor, bool *created)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    Store &store = m_core.store();
    const SecretSealer &sealer = store.webhooks().sealer();
    const std::optional<Connector> before = store.connectors().find(companyId, draft.name, sealer);
    // Secrets are write-only: a replacement that leaves them out keeps the stored ones (the
    // auth's secret only while its type stays the same).
    ConnectorDraft kept = draft;
    if (before && kept.secret.isEmpty() && kept.authType == toString(before->auth.type))
        kept.secret = before->auth.secret;
    if (before && kept.webhookSecret.isEmpty() && kept.kind == toString(before->kind))
        kept.webhookSecret = before->webhookSecret;
    Result<Connector> c = ConnectorCheck(m_policy).check(companyId, kept);
    if (!c)
        return c;
    if (!before && store.connectors().count(companyId) >= kMaxPerCompany)
        return makeError(ErrorKind::Conflict, QStringLiteral("at most 20 connectors per company"), nameField());
    c->createdAt = before ? before->createdAt : m_core.clock().nowMs();
    Status stored = Ok{};
    store.batch().run([&] {
        stored = store.connectors().put(*c, sealer, created);
        return stored
            && m_core.record(companyId, actor, QStringLiteral("connector.put"), QStringLiteral("connector:") + c->name,
                *created ? AuditOutcome::Created : AuditOutcome::Done,
                {{QStringLiteral("kind"), toString(c->kind)}, {QStringLiteral("url"), c->url.toString()},
                    {QStringLiteral("auth"), toString(c->auth.type)}});
    });
    if (!stored)
        return stored.error();
    return c;
}

Result<QList<Connector>> Connectors::list(const QString &companyId)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    return m_core.store().connectors().list(companyId, m_core.store().webhooks().sealer());
}

Result<Connector> Connectors::find(const QString &companyId, const QString &name)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    std::optional<Connector> found
        = m_core.store().connectors().find(companyId, name, m_core.store().webhooks().sealer());
    if (!found)
        return makeError(ErrorKind::NotFound,
            QStringLiteral("no connector named \"%1\"").arg(name.left(ConnectorCheck::kMaxNameChars)), nameField());
    return *found;
}

Status Connectors::remove(const QString &companyId, const QString &name, const Actor &actor)
{
    const auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    // What the configuration names stays until the configuration names something else.
    const ConnectorSettings &named = company->config.connectors;
    for (const auto &[purpose, member] : ConnectorSettings::named())
        if (named.*member == name)
            return makeError(ErrorKind::Conflict,
                QStringLiteral("the configuration's connectors.%1 names \"%2\": name another first")
                    .arg(QLatin1String(purpose), name),
                nameField());
    Store &store = m_core.store();
    Status removed = Ok{};
    store.batch().run([&] {
        removed = store.connectors().remove(companyId, name);
        return removed
            && m_core.record(companyId, actor, QStringLiteral("connector.delete"), QStringLiteral("connector:") + name,
                AuditOutcome::Removed);
    });
    return removed;
}

Result<QList<ConnectorCall>> Connectors::calls(const QString &companyId, const QString &name, int limit)
{
    const Result<Connector> c = find(companyId, name);
    if (!c)
        return c.error();
    return m_core.store().connectors().calls(companyId, name, qBound(1, limit, ConnectorRepo::kMaxCallsKept));
}

void Connectors::test(const QString &companyId, const QString &name, const QString &purposeName,
    const QMap<QString, QString> &input, const Actor &actor, QObject *context, TestDone done)
{
    const Result<Connector> c = find(companyId, name);
    if (!c)
        return done(c.error());
    const std::optional<ConnectorPurpose> purpose = parseConnectorPurpose(purposeName);
    if (!purpose || !c->serves(*purpose))
        return done(invalidInput(
            "purpose", QStringLiteral("purpose must be one the connector serves: ") + purposeList(c->purposes)));
    if (input.size() > kMaxInputValues)
        return done(invalidInput("input", QStringLiteral("input holds at most 20 values")));
    connectors::ConnectorInput in;
    in.purpose = *purpose;
    for (auto it = input.constBegin(); it != input.constEnd(); ++it) {
        if (!connectors::RequestTemplate::names().contains(it.key()))
            return done(invalidInput("input",
                QStringLiteral("input.%1 is no placeholder; they are %2")
                    .arg(it.key().left(40), connectors::RequestTemplate::names().join(QStringLiteral(", ")))));
        in.values.insert(it.key(), it.value().left(connectors::RequestTemplate::kMaxValueChars));
    }
    in.contact.contactId = QStringLiteral("test");
    m_core.audit(companyId, actor, QStringLiteral("connector.test"), QStringLiteral("connector:") + name,
        AuditOutcome::Done, {{QStringLiteral("purpose"), purposeName}});
    ConnectorTest shown;
    shown.purpose = *purpose;
    if (*purpose == ConnectorPurpose::Refund || *purpose == ConnectorPurpose::Credit
        || *purpose == ConnectorPurpose::Cancel) {
        if (!in.values.contains(QStringLiteral("idempotencyKey")))
            in.values.insert(QStringLiteral("idempotencyKey"), QStringLiteral("test-dry-run"));
        shown.dryRun = true;
        shown.answer = connectors::ConnectorClient::dryRun(*c, in, QDateTime::currentDateTimeUtc());
        return done(shown);
    }
    call(*c, in, QString(), context, [shown, done](const connectors::ConnectorAnswer &a) mutable {
        shown.answer = a;
        done(shown);
    });
}

Result<std::unique_ptr<OrderSource>> Connectors::orderSource(const QString &companyId, ConnectorPurpose purpose)
{
    const auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    const ConnectorSettings &named = company->config.connectors;
    const QString name = purpose == ConnectorPurpose::Orders ? named.orders : named.order;
    if (name == QLatin1String(ConnectorSettings::kBuiltin))
        return std::unique_ptr<OrderSource>(std::make_unique<BuiltinOrderSource>(m_core.store()));
    const std::optional<Connector> c
        = m_core.store().connectors().find(companyId, name, m_core.store().webhooks().sealer());
    if (!c || !c->serves(purpose))
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("the connector \"%1\" named for %2 is not there").arg(name, toString(purpose)));
    return std::unique_ptr<OrderSource>(std::make_unique<ConnectorOrderSource>(*c, m_http));
}

std::optional<ContextOrders> Connectors::contextOrders(const QString &companyId, const QString &customerId,
    const QString &sessionId, int limit, QObject *context, OrdersDone done)
{
    ContextOrders now;
    Result<std::unique_ptr<OrderSource>> source = orderSource(companyId, ConnectorPurpose::Orders);
    if (!source) {
        now.error = source.error().message;
        return now;
    }
    OrderQuery query;
    query.companyId = companyId;
    query.sessionId = sessionId;
    query.customerId = customerId;
    now.source = (*source)->name();
    if (!(*source)->offEngineThread()) {
        now.orders = (*source)->ordersOf(query, limit).orders;
        return now;
    }
    if (const auto customer = m_core.store().customers().find(companyId, customerId))
        query.customerEmail = customer->email;
    // The pool's task owns the source; the answer is logged and handed back on the engine thread.
    std::shared_ptr<OrderSource> asked(std::move(source.value()));
    QPointer<QObject> receiver(context);
    m_pool.start([this, asked, query, limit, receiver, done] {
        const OrdersLookup lookup = asked->ordersOf(query, limit);
        QMetaObject::invokeMethod(
            &m_core,
            [this, lookup, query, receiver, done] {
                noteOrdersCall(query, lookup);
                ContextOrders later;
                later.source = lookup.source;
                if (lookup.state == OrderLookup::State::Failed)
                    later.error = lookup.reason;
                else
                    later.orders = lookup.orders;
                if (receiver)
                    done(later);
            },
            Qt::QueuedConnection);
    });
    return std::nullopt;
}

void Connectors::noteOrdersCall(const OrderQuery &query, const OrdersLookup &lookup)
{
    if (!lookup.sent)
        return;
    connectors::ConnectorAnswer a;
    a.sent = true;
    a.ok = lookup.state != OrderLookup::State::Failed;
    a.status = lookup.status;
    a.latencyMs = lookup.latencyMs;
    a.error = lookup.reason;
    Connector c;
    c.companyId = query.companyId;
    c.name = lookup.source;
    recordCall(c, ConnectorPurpose::Orders, query.sessionId, a);
}

void Connectors::call(
    const Connector &c, const connectors::ConnectorInput &in, const QString &sessionId, QObject *context, CallDone done)
{
    QPointer<QObject> receiver(context);
    std::shared_ptr<OutboundHttp> http = m_http;
    m_pool.start([this, c, in, sessionId, receiver, http, done] {
        const connectors::ConnectorAnswer answer = connectors::ConnectorClient(http).call(c, in);
        QMetaObject::invokeMethod(
            &m_core,
            [this, c, in, sessionId, receiver, answer, done] {
                recordCall(c, in.purpose, sessionId, answer);
                if (receiver)
                    done(answer);
            },
            Qt::QueuedConnection);
    });
}

void Connectors::recordCall(
    const Connector &c, ConnectorPurpose purpose, const QString &sessionId, const connectors::ConnectorAnswer &a)
{
    if (!a.sent)
        return; // nothing reached the system: nothing to log
    ConnectorCall call;
    call.at = m_core.clock().nowMs();
    call.purpose = purpose;
    call.sessionId = sessionId;
    call.ok = a.ok;
    call.status = a.status;
    call.latencyMs = a.latencyMs;
    call.error = a.error;
    Store &store = m_core.store();
    store.batch().run([&] { return store.connectors().recordCall(c.companyId, c.name, call); });
}

} // namespace tierdesk
