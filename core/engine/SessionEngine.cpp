#include "core/engine/SessionEngine.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"
#include "core/common/Validation.h"
#include "core/domain/ConfigDiff.h"
#include "core/engine/admin/KnowledgeBase.h"
#include "core/engine/pipeline/CustomerText.h"
#include "core/engine/pipeline/ReplyComposer.h"
#include "core/engine/pipeline/Turn.h"
#include "core/engine/pipeline/WorkerPool.h"
#include "core/engine/reply/LocalResponder.h"
#include "core/integrations/SecretBox.h"

#include <QJsonDocument>
#include <QMetaMethod>
#include <QPointer>
#include <QThread>
#include <QUrl>
#include <algorithm>

namespace tierdesk {
namespace {

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// [A-Za-z0-9][A-Za-z0-9._:@-]*, at most maxChars: a plain scan, as every message checks its session's id.
bool validId(const QString &id, int maxChars)
{
    if (id.isEmpty() || id.size() > maxChars || !isAsciiAlnum(id.front()))
        return false;
    return std::all_of(id.cbegin(), id.cend(),
        [](QChar c) { return isAsciiAlnum(c) || c == u'.' || c == u'_' || c == u':' || c == u'@' || c == u'-'; });
}

} // namespace

SessionEngine::SessionEngine(Store &store, const Clock &clock, std::unique_ptr<Responder> responder, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock),
      m_workers(std::make_unique<WorkerPool>(QThread::idealThreadCount())),
      m_composer(std::make_unique<ReplyComposer>(std::shared_ptr<Responder>(std::move(responder)))),
      m_actions(store.customers())
{
    m_knowledge = std::make_unique<KnowledgeBase>(*this, store, clock);
    if (!store.webhooks().hasSealer()) // a store opened without a secret store (tests, tools)
        store.webhooks().setSealer(std::make_shared<SecretBox>(SecretBox::ephemeral()));
    // A failed commit undid writes the caches already reflect.
    connect(&m_store.batch(), &WriteBatch::commitFailed, this, [this] {
        m_sessions.clear();
        m_companies.clear();
    });
    // An undone work may have cached a company it created (a founding that failed half-way).
    connect(&m_store.batch(), &WriteBatch::writesUndone, this, [this] { m_companies.clear(); });
}

void SessionEngine::remember(const Session &s)
{
    if (m_sessions.size() >= kMaxCachedSessions)
        m_sessions.clear(); // a simple bound: the active sessions come back at once
    Session row = s;
    row.messages.clear();
    row.sentimentHistory.clear();
    row.escalationHistory.clear();
    m_sessions.insert(row.id, row);
}

SessionEngine::~SessionEngine()
{
    // Messages still being analysed or worded are dropped with their callbacks.
    m_workers.reset();
    m_composer.reset();
    // Callbacks waiting for the commit point at this engine: run them now.
    m_store.batch().flush();
}

void SessionEngine::setResponder(std::shared_ptr<Responder> responder)
{
    m_composer->setResponder(std::move(responder));
}

void SessionEngine::setReplyTimeoutMs(int ms)
{
    m_composer->setTimeoutMs(ms);
}

bool SessionEngine::eventsWanted() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&SessionEngine::sessionEvent);
    return isSignalConnected(signal);
}

QStringList SessionEngine::webhookEvents()
{
    // escalation.created and session.closed are the support agent API's (seed 002), queued by that API with
    // queueEvent(); conversation.created and sentiment.negative the platform services' (seed 000), likewise.
    return {QStringLiteral("session.created"), QStringLiteral("session.escalated"), QStringLiteral("session.resolved"),
        QStringLiteral("session.abandoned"), QStringLiteral("escalation.created"), QStringLiteral("session.closed"),
        QStringLiteral("conversation.created"), QStringLiteral("sentiment.negative")};
}

bool SessionEngine::queueEvent(const QString &companyId, const QString &event, const QJsonObject &data)
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
        m_store.batch().afterCommit([this](bool committed) {
            if (committed)
                emit outboxChanged();
        });
    return ok;
}

bool SessionEngine::record(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    int status, const QJsonObject &details)
{
    return m_store.audit().append({m_clock.nowMs(), companyId, actor.subject, actor.role, action, resource,
        actor.clientAddress, status, details.toVariantMap()});
}

void SessionEngine::audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    int status, const QJsonObject &details)
{
    m_store.batch().run([&] { return record(companyId, actor, action, resource, status, details); });
}

namespace {

// Trimmed, 1 to kMaxCompanyNameChars characters, no control characters.
Result<QString> cleanCompanyName(const QString &name)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty() || clean.size() > SessionEngine::kMaxCompanyNameChars || hasControlCharacters(clean))
        return invalidField(
            QStringLiteral("name"), QStringLiteral("name must be 1 to 200 characters (no control characters)"));
    return clean;
}

} // namespace

Result<Company> SessionEngine::createCompany(const QString &name, const Actor &actor)
{
    return createCompany(name, CsConfig::defaults(), actor);
}

Result<Company> SessionEngine::createCompany(const QString &name, const CsConfig &config, const Actor &actor)
{
    const auto clean = cleanCompanyName(name);
    if (!clean)
        return clean.error();
    Company c{ids::uuid(), *clean, m_clock.nowMs(), config};
    const bool ok = m_store.batch().run([&] {
        return m_store.companies().insert(c)
            && record(c.id, actor, QStringLiteral("company.create"), QStringLiteral("company:") + c.id, 0,
                {{QStringLiteral("name"), c.name}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the company"));
    return c;
}

Result<Company> SessionEngine::renameCompany(const QString &id, const QString &name, const Actor &actor)
{
    auto c = company(id);
    if (!c)
        return c.error();
    const auto clean = cleanCompanyName(name);
    if (!clean)
        return clean.error();
    if (const auto other = m_store.companies().findByName(*clean); other && other->id != id)
        return makeError(ErrorKind::Conflict, QStringLiteral("A company with this name exists"),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    const QString before = c->name;
    c->name = *clean;
    const bool ok = m_store.batch().run([&] {
        return m_store.companies().updateName(id, c->name)
            && record(id, actor, QStringLiteral("company.rename"), QStringLiteral("company:") + id, 200,
                {{QStringLiteral("before"), before}, {QStringLiteral("after"), c->name}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the company"));
    m_companies.insert(id, *c);
    return c;
}

Result<Company> SessionEngine::company(const QString &id)
{
    if (id.isEmpty())
        return makeError(ErrorKind::MissingCompany, QStringLiteral("Missing company ID"));
    if (const auto cached = m_companies.constFind(id); cached != m_companies.cend())
        return *cached;
    auto c = m_store.companies().find(id);
    if (!c)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Company not found"), {{QStringLiteral("companyId"), id.left(128)}});
    m_companies.insert(id, *c);
    return *c;
}

Customer SessionEngine::ensureCustomer(const QString &companyId, const QString &customerId, qint64 now)
{
    if (auto existing = m_store.customers().find(companyId, customerId))
        return *existing;
    Customer c;
    c.id = customerId;
    c.companyId = companyId;
    m_store.customers().upsert(c, now);
    return c;
}

Result<SessionEngine::NewSession> SessionEngine::startSession(const CreateSessionRequest &req, const Actor &actor)
{
    auto company = this->company(req.companyId);
    if (!company)
        return company.error();
    if (!company->config.enabled())
        return makeError(ErrorKind::CompanyDisabled, QStringLiteral("Company CS not enabled"),
            {{QStringLiteral("companyId"), req.companyId}});
    if (!validId(req.customerId, m_limits.maxIdChars))
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("customerId must be 1 to 128 letters, digits or ._:@-"),
            {{QStringLiteral("field"), QStringLiteral("customerId")}});
    if (QJsonDocument(req.metadata).toJson(QJsonDocument::Compact).size() > m_limits.maxMetadataBytes)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("metadata is larger than 8 KiB"),
            {{QStringLiteral("field"), QStringLiteral("metadata")}});
    if (!req.id.isEmpty()) {
        if (!validId(req.id, m_limits.maxIdChars))
            return makeError(ErrorKind::InvalidSessionId, QStringLiteral("Invalid session ID"),
                {{QStringLiteral("sessionId"), req.id.left(128)}});
        if (m_sessions.contains(req.id) || m_store.sessions().find(req.id, false, {}))
            return makeError(ErrorKind::Conflict, QStringLiteral("Session ID already in use"),
                {{QStringLiteral("sessionId"), req.id}});
    }
    QString initial;
    if (!req.initialMessage.isEmpty()) {
        auto checked
            = validateCustomerText(req.initialMessage, m_limits.maxMessageChars, QStringLiteral("initialMessage"));
        if (!checked)
            return checked.error();
        initial = checked.value();
    }

    const qint64 now = m_clock.nowMs();
    NewSession created;
    Session &s = created.session;
    s.id = req.id.isEmpty() ? ids::random(QStringLiteral("sess_")) : req.id;
    s.companyId = req.companyId;
    s.customerId = req.customerId;
    s.channel = req.channel;
    s.issueCategory = req.issueCategory;
    s.metadata = req.metadata;
    s.createdAt = s.updatedAt = s.lastActivityAt = now;

    Error failure{ErrorKind::Internal, QStringLiteral("could not store the session"), {}};
    const bool ok = m_store.batch().run([&] {
        ensureCustomer(s.companyId, s.customerId, now);
        if (!m_store.sessions().insert(s))
            return false;
        record(s.companyId, actor, QStringLiteral("session.create"), QStringLiteral("session:") + s.id, 201,
            withPiiKinds({}, initial));
        queueWebhook(s, QStringLiteral("session.created"),
            {{QStringLiteral("channel"), toString(s.channel)},
                {QStringLiteral("currentTier"), toString(s.currentTier)}});
        publish(makeSessionEvent(SessionEventType::Created, s));
        if (initial.isEmpty())
            return true;
        auto turn = beginTurn(s, *company, initial, actor);
        if (!turn) {
            failure = turn.error();
            return false;
        }
        s = turn->outcome.session;
        created.firstTurn = std::make_shared<Turn>(std::move(turn.value()));
        return true;
    });
    if (!ok)
        return failure;
    remember(s);
    return created;
}

Result<Session> SessionEngine::createSession(
    const CreateSessionRequest &req, const Actor &actor, std::optional<MessageOutcome> *first)
{
    auto created = startSession(req, actor);
    if (!created)
        return created.error();
    if (!created->firstTurn)
        return created->session;
    Turn &turn = *created->firstTurn;
    std::optional<ComposedReply> reply;
    if (turn.compose)
        reply = m_composer->composeNow(*turn.compose);
    auto outcome = endTurn(turn, reply ? &*reply : nullptr);
    if (!outcome)
        return outcome.error();
    if (first)
        *first = *outcome;
    return outcome->session;
}

void SessionEngine::createSession(
    const CreateSessionRequest &req, const Actor &actor, QObject *context, SessionDone done)
{
    auto created = startSession(req, actor);
    if (!created || !created->firstTurn || !created->firstTurn->compose) {
        if (!created)
            return done(created.error(), std::nullopt);
        if (!created->firstTurn)
            return done(created->session, std::nullopt);
        auto outcome = endTurn(*created->firstTurn, nullptr);
        return outcome ? done(outcome->session, *outcome) : done(outcome.error(), std::nullopt);
    }
    // Messages to the new session wait for its first reply (see postMessage).
    const QString id = created->session.id;
    m_turnsWaiting.insert(id, {});
    const QPointer<QObject> guard(context);
    std::shared_ptr<Turn> turn = created->firstTurn;
    m_composer->compose(turn->compose, [this, turn, id, guard, done = std::move(done)](const ComposedReply &reply) {
        auto outcome = endTurn(*turn, &reply);
        nextTurn(id);
        if (!guard)
            return;
        if (outcome)
            done(outcome->session, *outcome);
        else
            done(outcome.error(), std::nullopt);
    });
}

Result<Session> SessionEngine::openSession(const QString &companyId, const QString &id, bool details,
    const QString &customerScope, const MessageWindow &window)
{
    if (!validId(id, m_limits.maxIdChars))
        return makeError(ErrorKind::InvalidSessionId, QStringLiteral("Invalid session ID"),
            {{QStringLiteral("sessionId"), id.left(128)}});
    std::optional<Session> s;
    if (const auto cached = m_sessions.constFind(id); !details && cached != m_sessions.cend())
        s = *cached;
    else if ((s = m_store.sessions().find(id, details, window)))
        remember(*s);
    // Another company's (or, for a customer's client, another customer's)
    // session is reported exactly like a missing one.
    if (!s || s->companyId != companyId || (!customerScope.isEmpty() && s->customerId != customerScope))
        return makeError(ErrorKind::NotFound, QStringLiteral("Session not found"), {{QStringLiteral("sessionId"), id}});
    return *s;
}

Result<Session> SessionEngine::session(
    const QString &companyId, const QString &id, const MessageWindow &window, const QString &customerScope)
{
    return openSession(companyId, id, true, customerScope, window);
}

Result<QList<Session>> SessionEngine::listSessions(const SessionFilter &filter, int *total)
{
    auto company = this->company(filter.companyId);
    if (!company)
        return company.error();
    return m_store.sessions().list(filter, total);
}

std::optional<EscalationRecord> SessionEngine::applyEscalation(
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
    if (eventsWanted()) {
        SessionEvent event = makeSessionEvent(SessionEventType::Escalated, s);
        event.escalation = e;
        publish(std::move(event));
    }
    return e;
}

Result<Session> SessionEngine::escalate(const QString &companyId, const QString &sessionId, EscalationReason reason,
    Tier target, const QString &notes, const Actor &actor)
{
    // The response carries the escalation history, not the transcript.
    auto found = openSession(companyId, sessionId, true, actor.customerScope, MessageWindow{0, -1});
    if (!found)
        return found.error();
    Session s = found.value();
    if (s.status == SessionStatus::Resolved)
        return makeError(ErrorKind::SessionResolved, QStringLiteral("Session already resolved"),
            {{QStringLiteral("sessionId"), s.id}});
    if (target == Tier::AiRep || rank(target) <= rank(s.currentTier))
        return makeError(ErrorKind::InvalidEscalation, QStringLiteral("Invalid escalation target"),
            {{QStringLiteral("currentTier"), toString(s.currentTier)},
                {QStringLiteral("targetTier"), toString(target)}});
    if (notes.size() > m_limits.maxNotesChars)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("notes must be at most 2000 characters"),
            {{QStringLiteral("field"), QStringLiteral("notes")}});
    if (!notes.isEmpty()) {
        if (auto checked = validateCustomerText(notes, m_limits.maxNotesChars, QStringLiteral("notes")); !checked)
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("notes must not contain control characters"),
                {{QStringLiteral("field"), QStringLiteral("notes")}});
    }
    const qint64 now = m_clock.nowMs();
    const bool ok = m_store.batch().run([&] {
        if (!applyEscalation(s, target, reason, notes, false, now))
            return false;
        s.updatedAt = s.lastActivityAt = now;
        return m_store.sessions().update(s)
            && record(companyId, actor, QStringLiteral("session.escalate"), QStringLiteral("session:") + s.id, 200,
                withPiiKinds(
                    {{QStringLiteral("reason"), toString(reason)}, {QStringLiteral("targetTier"), toString(target)}},
                    notes));
    });
    if (!ok) {
        forget(s.id);
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the escalation"));
    }
    remember(s);
    return s;
}

Result<Session> SessionEngine::setMetadataEntry(
    const QString &companyId, const QString &sessionId, const QString &key, const QJsonValue &value, const Actor &actor)
{
    auto found = openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    Session s = found.value();
    s.metadata.insert(key, value);
    if (QJsonDocument(s.metadata).toJson(QJsonDocument::Compact).size() > m_limits.maxMetadataBytes)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("metadata is larger than 8 KiB"),
            {{QStringLiteral("field"), QStringLiteral("metadata")}});
    s.updatedAt = m_clock.nowMs();
    const bool ok = m_store.batch().run([&] {
        return m_store.sessions().setMetadata(s.id, s.metadata, s.updatedAt)
            && record(companyId, actor, QStringLiteral("session.metadata"), QStringLiteral("session:") + s.id, 200,
                {{QStringLiteral("key"), key}});
    });
    if (!ok) {
        forget(s.id);
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the session's metadata"));
    }
    remember(s);
    return s;
}

Result<Session> SessionEngine::resolve(
    const QString &companyId, const QString &sessionId, const Resolution &resolution, const Actor &actor)
{
    auto found = openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    Session s = found.value();
    if (s.status == SessionStatus::Resolved)
        return makeError(ErrorKind::SessionResolved, QStringLiteral("Session already resolved"),
            {{QStringLiteral("sessionId"), s.id}});
    // Every family's summary reaches the desk, the logs and the mails: the text rule holds here too.
    if (const Status text = checkText(QStringLiteral("summary"), resolution.summary, kMaxResolutionChars); !text)
        return text.error();
    for (const QString &action : resolution.actionsTaken)
        if (const Status text = checkText(QStringLiteral("actionsTaken"), action, kMaxResolutionChars); !text)
            return text.error();
    const qint64 now = m_clock.nowMs();
    s.status = SessionStatus::Resolved;
    s.resolution = resolution;
    s.resolvedAt = s.updatedAt = now;
    const bool ok = m_store.batch().run([&] {
        if ((m_desk && !m_desk->resolving(s, actor, now)) || !m_store.sessions().update(s))
            return false;
        record(companyId, actor, QStringLiteral("session.resolve"), QStringLiteral("session:") + s.id, 200,
            withPiiKinds({{QStringLiteral("resolutionType"), toString(resolution.type)}}, resolution.summary));
        queueWebhook(s, QStringLiteral("session.resolved"),
            {{QStringLiteral("tier"), toString(s.currentTier)},
                {QStringLiteral("resolutionType"), toString(resolution.type)}});
        publish(makeSessionEvent(SessionEventType::Resolved, s));
        return true;
    });
    if (!ok) {
        forget(s.id);
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the resolution"));
    }
    remember(s);
    return s;
}

Result<AnalyticsSummary> SessionEngine::analytics(
    const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    if (endMs < startMs)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("endDate is before startDate"));
    return m_store.analytics().compute(companyId, startMs, endMs, groupBy);
}

Result<CsConfig> SessionEngine::config(const QString &companyId)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    return company->config;
}

Result<CsConfig> SessionEngine::updateConfig(const QString &companyId, const QJsonObject &patch, const Actor &actor)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    auto merged = company->config.merged(patch);
    if (!merged)
        return merged.error();
    const bool ok = m_store.batch().run([&] {
        return m_store.companies().updateConfig(companyId, merged.value())
            && record(companyId, actor, QStringLiteral("config.update"), QStringLiteral("company:") + companyId, 200,
                {{QStringLiteral("patch"), patch},
                    {QStringLiteral("changes"), configChanges(company->config.toJson(), merged->toJson())}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the configuration"));
    m_companies[companyId].config = merged.value();
    return merged;
}

Status SessionEngine::checkWebhook(
    const QString &companyId, const QString &url, const QStringList &events, const QByteArray &secret)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    const QJsonObject urlField{{QStringLiteral("field"), QStringLiteral("url")}};
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.size() > 2048 || !parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("url must be an absolute http(s) URL of at most 2048 characters"), urlField);
    if (!parsed.userInfo().isEmpty())
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("url must not contain a user name or password"), urlField);
    if (const auto literal = AddressPolicy::literal(parsed.host())) {
        if (const QString why = m_webhookAddresses.refusal(*literal); !why.isEmpty())
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("url is not allowed: ") + why, urlField);
    }
    if (events.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("events must name at least one event"),
            {{QStringLiteral("field"), QStringLiteral("events")}});
    for (const QString &e : events)
        if (!webhookEvents().contains(e))
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("unknown event: ") + e.left(64),
                {{QStringLiteral("field"), QStringLiteral("events")},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(webhookEvents())}});
    if (secret.size() < 16 || secret.size() > 256)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("secret must be 16 to 256 characters"),
            {{QStringLiteral("field"), QStringLiteral("secret")}});
    return Ok{};
}

Result<Webhook> SessionEngine::addWebhook(const QString &companyId, const QString &url, const QStringList &events,
    const QByteArray &secret, const Actor &actor, const QList<QHostAddress> &resolved)
{
    if (const Status checked = checkWebhook(companyId, url, events, secret); !checked)
        return checked.error();
    for (const QHostAddress &a : resolved) {
        if (const QString why = m_webhookAddresses.refusal(a); !why.isEmpty())
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("url is not allowed: %1 resolves to a forbidden address (%2)")
                    .arg(QUrl(url).host(), why),
                {{QStringLiteral("field"), QStringLiteral("url")}});
    }
    if (m_store.webhooks().count(companyId) >= 20)
        return makeError(ErrorKind::Conflict, QStringLiteral("at most 20 webhooks per company"));
    Webhook w{ids::random(QStringLiteral("wh_")), companyId, url, events, secret, m_clock.nowMs()};
    w.events.removeDuplicates();
    const bool ok = m_store.batch().run([&] {
        return m_store.webhooks().insert(w)
            && record(companyId, actor, QStringLiteral("webhook.create"), QStringLiteral("webhook:") + w.id, 201,
                {{QStringLiteral("url"), url}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the webhook"));
    announceSubscriptionsAfterCommit();
    return w;
}

Result<QList<Webhook>> SessionEngine::webhooks(const QString &companyId)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    return m_store.webhooks().list(companyId);
}

Status SessionEngine::removeWebhook(const QString &companyId, const QString &id, const Actor &actor)
{
    bool removed = false;
    m_store.batch().run([&] {
        removed = m_store.webhooks().remove(companyId, id);
        if (removed)
            record(companyId, actor, QStringLiteral("webhook.delete"), QStringLiteral("webhook:") + id, 204);
        return true;
    });
    if (!removed)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Webhook not found"), {{QStringLiteral("webhookId"), id.left(128)}});
    announceSubscriptionsAfterCommit();
    return Ok{};
}

void SessionEngine::announceSubscriptionsAfterCommit()
{
    m_store.batch().afterCommit([this](bool committed) {
        if (committed)
            emit subscriptionsChanged();
    });
}

int SessionEngine::sweepAbandoned(qint64 idleMs)
{
    const qint64 now = m_clock.nowMs();
    const QStringList stale = m_store.sessions().staleOpenSessions(now - idleMs, 500);
    int count = 0;
    for (const QString &id : stale) {
        auto found = m_store.sessions().find(id, false);
        if (!found)
            continue;
        Session s = *found;
        const qint64 lastActivity = s.lastActivityAt;
        s.status = SessionStatus::Abandoned;
        s.updatedAt = now;
        const bool ok = m_store.batch().run([&] {
            if (!m_store.sessions().update(s))
                return false;
            queueWebhook(s, QStringLiteral("session.abandoned"),
                {{QStringLiteral("tier"), toString(s.currentTier)},
                    {QStringLiteral("lastActivityAt"), timefmt::iso(lastActivity)}});
            publish(makeSessionEvent(SessionEventType::Abandoned, s));
            record(s.companyId, Actor{}, QStringLiteral("session.abandon"), QStringLiteral("session:") + s.id, 0,
                {{QStringLiteral("idleMinutes"), idleMs / 60000}});
            return true;
        });
        if (ok) {
            remember(s);
            ++count;
        } else {
            forget(s.id);
        }
    }
    return count;
}

void SessionEngine::queueWebhook(const Session &s, const QString &event, const QJsonObject &data)
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
        m_store.batch().afterCommit([this](bool committed) {
            if (committed)
                emit outboxChanged();
        });
}

void SessionEngine::publish(SessionEvent event)
{
    if (!eventsWanted())
        return;
    m_store.batch().afterCommit([this, event = std::move(event)](bool committed) {
        if (committed)
            emit sessionEvent(event);
    });
}

} // namespace tierdesk
