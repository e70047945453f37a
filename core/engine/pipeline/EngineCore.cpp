#include "core/engine/pipeline/EngineCore.h"

#include "core/common/Time.h"

#include <QJsonDocument>

#include <algorithm>

namespace tierdesk {

namespace {

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

bool validSessionId(const QString &id, int maxChars)
{
    if (id.isEmpty() || id.size() > maxChars || !isAsciiAlnum(id.front()))
        return false;
    return std::all_of(id.cbegin(), id.cend(),
        [](QChar c) { return isAsciiAlnum(c) || c == u'.' || c == u'_' || c == u':' || c == u'@' || c == u'-'; });
}

qsizetype metadataBytes(const QVariantMap &metadata)
{
    return QJsonDocument(QJsonObject::fromVariantMap(metadata)).toJson(QJsonDocument::Compact).size();
}

EngineCore::EngineCore(Store &store, const Clock &clock, EngineSignals &notifier, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_signals(notifier), m_actions(store.customers()),
      m_models([&store](const QString &companyId, const QString &name) {
          return store.aiProviders().find(companyId, name, store.webhooks().sealer());
      })
{
    // A failed commit undid writes the caches already reflect.
    connect(&m_store.batch(), &WriteBatch::commitFailed, this, [this] {
        m_sessions.clear();
        m_companies.clear();
    });
    // An undone work may have cached a company it created (a founding that failed half-way).
    connect(&m_store.batch(), &WriteBatch::writesUndone, this, [this] { m_companies.clear(); });
    // Team mode (sessions are not cached there): others changed companies while this one was away.
    if (StoreReconnector *reconnector = m_store.reconnector())
        connect(reconnector, &StoreReconnector::reconnected, this, [this] { m_companies.clear(); });
}

Result<Company> EngineCore::company(const QString &id)
{
    if (id.isEmpty())
        return makeError(ErrorKind::InvalidArgument, ErrorDetail::MissingCompany, QStringLiteral("Missing company ID"));
    if (const auto cached = m_companies.constFind(id); cached != m_companies.cend())
        return *cached;
    auto c = m_store.companies().find(id);
    if (!c && m_store.db().connectionLost())
        return m_store.db().degradedError();
    if (!c)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Company not found"), {{QStringLiteral("companyId"), id.left(128)}});
    m_companies.insert(id, *c);
    return *c;
}

Result<Session> EngineCore::openSession(const QString &companyId, const QString &id, bool details,
    const QString &customerScope, const MessageWindow &window)
{
    if (!validSessionId(id, m_limits.maxIdChars))
        return makeError(ErrorKind::InvalidArgument, ErrorDetail::InvalidSessionId,
            QStringLiteral("Invalid session ID"), {{QStringLiteral("sessionId"), id.left(128)}});
    std::optional<Session> s;
    // Never filled in team mode (remember()): other instances write sessions too.
    if (const auto cached = m_sessions.constFind(id); !details && cached != m_sessions.cend())
        s = *cached;
    else if ((s = m_store.sessions().find(id, details, window)))
        remember(*s);
    if (!s && m_store.db().connectionLost()) // not missing: unreadable for now
        return m_store.db().degradedError();
    // Another company's (or, for a customer's client, another customer's)
    // session is reported exactly like a missing one.
    if (!s || s->companyId != companyId || (!customerScope.isEmpty() && s->customerId != customerScope))
        return makeError(ErrorKind::NotFound, ErrorDetail::SessionNotFound, QStringLiteral("Session not found"),
            {{QStringLiteral("sessionId"), id}});
    return *s;
}

void EngineCore::remember(const Session &s)
{
    if (m_store.db().postgres())
        return; // team mode reads sessions afresh (openSession): a copy here would never be read
    if (m_sessions.size() >= kMaxCachedSessions)
        m_sessions.clear(); // a simple bound: the active sessions come back at once
    Session row = s;
    row.messages.clear();
    row.sentimentHistory.clear();
    row.escalationHistory.clear();
    m_sessions.insert(row.id, row);
}

Customer EngineCore::ensureCustomer(
    const QString &companyId, const QString &customerId, qint64 now, const QString &newName)
{
    if (auto existing = m_store.customers().find(companyId, customerId))
        return *existing;
    Customer c;
    c.id = customerId;
    c.companyId = companyId;
    c.name = newName;
    m_store.customers().upsert(c, now);
    return c;
}

Status EngineCore::record(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    AuditOutcome outcome, const QJsonObject &details)
{
    return m_store.audit().append({m_clock.nowMs(), companyId, actor.subject, actor.role, action, resource,
        actor.clientAddress, outcome, details.toVariantMap()});
}

void EngineCore::audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    AuditOutcome outcome, const QJsonObject &details)
{
    m_store.batch().run([&] { return record(companyId, actor, action, resource, outcome, details); });
}

void EngineCore::audit(const AuditEntry &entry)
{
    m_store.batch().run([&] { return m_store.audit().append(entry); });
}

void EngineCore::publish(SessionEvent event)
{
    if (!eventsWanted())
        return;
    m_store.batch().afterCommit([this, event = std::move(event)](bool committed) {
        if (committed)
            m_signals.sessionEventCommitted(event);
    });
}

void EngineCore::announceOutboxAfterCommit()
{
    m_store.batch().afterCommit([this](bool committed) {
        if (committed)
            m_signals.outboxChangedCommitted();
    });
}

void EngineCore::announceSubscriptionsAfterCommit()
{
    m_store.batch().afterCommit([this](bool committed) {
        if (committed)
            m_signals.subscriptionsChangedCommitted();
    });
}

void EngineCore::queueWebhook(const Session &s, const QString &event, const QJsonObject &data)
{
    QJsonObject payloadData{{QStringLiteral("sessionId"), s.id}, {QStringLiteral("companyId"), s.companyId},
        {QStringLiteral("customerId"), s.customerId}};
    for (auto it = data.begin(); it != data.end(); ++it)
        payloadData.insert(it.key(), it.value());
    const QJsonObject payload{{QStringLiteral("event"), event},
        {QStringLiteral("timestamp"), timefmt::iso(m_clock.nowMs())}, {QStringLiteral("data"), payloadData}};
    if (m_store.webhooks().enqueue(
            s.companyId, event, QJsonDocument(payload).toJson(QJsonDocument::Compact), m_clock.nowMs())
        > 0)
        announceOutboxAfterCommit();
}

bool EngineCore::queueEvent(const QString &companyId, const QString &event, const QJsonObject &data)
{
    const QJsonObject payload{{QStringLiteral("event"), event},
        {QStringLiteral("timestamp"), timefmt::iso(m_clock.nowMs())}, {QStringLiteral("data"), data}};
    int queued = 0;
    const bool ok = m_store.batch().run([&] {
        queued = m_store.webhooks().enqueue(
            companyId, event, QJsonDocument(payload).toJson(QJsonDocument::Compact), m_clock.nowMs());
        return queued >= 0;
    });
    if (ok && queued > 0)
        announceOutboxAfterCommit();
    return ok;
}

std::optional<EscalationRecord> EngineCore::applyEscalation(
    Session &s, Tier target, EscalationReason reason, const QString &notes, bool automatic, qint64 now)
{
    EscalationRecord e{s.currentTier, target, reason, now, notes, automatic};
    if (!m_store.sessions().appendEscalation(s, e))
        return std::nullopt;
    s.currentTier = target;
    s.status = SessionStatus::Escalated;
    s.irateCount = 0;
    s.unconfidentTurns = 0;
    s.escalationHistory << e;
    if (target == Tier::HumanAgent && m_desk && !m_desk->queued(s, e, now))
        return std::nullopt;
    const QJsonObject data{{QStringLiteral("fromTier"), toString(e.fromTier)},
        {QStringLiteral("toTier"), toString(e.toTier)}, {QStringLiteral("reason"), toString(e.reason)}};
    queueWebhook(s, QStringLiteral("session.escalated"), data);
    if (target == Tier::HumanAgent && m_handover)
        m_store.batch().afterCommit([this, companyId = s.companyId, sessionId = s.id](bool committed) {
            if (committed && m_handover)
                m_handover(companyId, sessionId);
        });
    if (eventsWanted()) {
        SessionEvent event = makeSessionEvent(SessionEventType::Escalated, s);
        event.escalation = e;
        publish(std::move(event));
    }
    return e;
}

} // namespace tierdesk
