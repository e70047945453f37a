// The desk's queue and who holds what: list, claim, release, assign, transfer.
#include "core/engine/desk/Desk.h"

#include "core/common/Time.h"
#include "core/engine/desk/DeskRules.h"
#include "core/engine/pipeline/CustomerText.h"

#include <QJsonArray>

namespace tierdesk {
namespace {

constexpr int kMinSlaIntervalMs = 100; // the SLA timer's shortest period

QString sessionResource(const QString &id)
{
    return QStringLiteral("session:") + id;
}

} // namespace

Desk::Desk(SessionEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_repo(engine.core().store().db())
{
    m_engine.setDesk(this);
    connect(&m_slaTimer, &QTimer::timeout, this, [this] {
        evaluateSla();
        wakeSnoozed();
        m_assigner.wakeAll(); // what no change woke (a company just switched to automatic)
    });
}

Desk::~Desk()
{
    // Callbacks waiting for the commit point at this desk: run them while it lives.
    m_engine.core().store().batch().flush();
    m_engine.setDesk(nullptr);
}

void Desk::startSlaTimer(int intervalMs)
{
    m_slaTimer.start(qMax(kMinSlaIntervalMs, intervalMs));
}

bool Desk::isSupervisor(const Actor &actor)
{
    return actor.role == QLatin1String("supervisor") || actor.role == QLatin1String("admin")
        || actor.role == QLatin1String("system");
}

QString Desk::nameOf(const QString &companyId, const QString &subject)
{
    // Tokens made by `tierdesk token create` name no agent: their subject stands in.
    if (const auto agent = m_engine.core().store().agents().find(companyId, subject))
        return agent->name;
    return subject;
}

bool Desk::isAgent(const QString &companyId, const QString &subject)
{
    return subject.startsWith(QLatin1String("agt_"))
        && m_engine.core().store().agents().find(companyId, subject).has_value();
}

QueueItem Desk::served(const QueueRow &row) const
{
    QueueItem out{row.item, row.status, row.channel, row.sentiment, row.issueCategory, row.issueSummary, row.customerId,
        row.customerName, row.customerTier, row.customerVip, std::nullopt, m_engine.clock().nowMs()};
    if (row.lastMessage)
        out.lastMessage
            = QueueItem::LastMessage{row.lastMessage->role, row.lastMessage->content, row.lastMessage->timestamp};
    return out;
}

std::optional<QueueItem> Desk::item(const QString &sessionId)
{
    const auto row = m_repo.row(sessionId);
    if (!row)
        return std::nullopt;
    return served(*row);
}

void Desk::publishQueue(const QString &companyId, const QString &sessionId, SessionEventType type)
{
    if (!m_engine.eventsWanted())
        return;
    m_engine.core().store().batch().afterCommit([this, companyId, sessionId, type](bool committed) {
        if (!committed)
            return;
        SessionEvent event;
        event.type = type;
        event.companyId = companyId;
        event.sessionId = sessionId;
        if (type != SessionEventType::QueueRemoved) {
            event.queueItem = item(sessionId);
            if (!event.queueItem)
                return;
        }
        emit m_engine.sessionEvent(event);
    });
}

Result<QueuePage> Desk::queue(const QueueRequest &request, const Actor &actor)
{
    const auto company = m_engine.company(request.companyId);
    if (!company)
        return company.error();
    const DeskConfig &config = company->config.desk;
    if (!request.queue.isEmpty() && !config.hasQueue(request.queue))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("unknown queue"),
            {{QStringLiteral("field"), QStringLiteral("queue")},
                {QStringLiteral("allowed"), QJsonArray::fromStringList(config.queueNames())}});
    QueueFilter f;
    f.companyId = request.companyId;
    f.queue = request.queue;
    f.assignee = request.assignee;
    f.limit = qBound(1, request.limit, kMaxQueueLimit);
    f.snoozed = request.snoozed ? SnoozeView::Snoozed : SnoozeView::Awake;
    f.at = m_engine.clock().nowMs();
    if (const auto agent = m_engine.core().store().agents().find(request.companyId, actor.subject))
        f.preferredQueues = agent->queues;
    QueuePage page;
    for (const QueueRow &row : m_repo.list(f, &page.total))
        page.items.append(served(row));
    const QHash<QString, QueueCounts> counts = m_repo.counts(request.companyId);
    for (const QString &name : config.queueNames())
        page.counts.insert(name, counts.value(name));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        page.counts.insert(it.key(), it.value()); // a queue removed from the config that still holds sessions
    return page;
}

Result<Desk::Held> Desk::open(const QString &companyId, const QString &sessionId, const Actor &actor)
{
    auto found = m_engine.core().openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    const Session &s = found.value();
    const auto item = s.isOpen() && s.currentTier == Tier::HumanAgent ? m_repo.find(s.id) : std::nullopt;
    if (!item)
        return makeError(ErrorKind::Conflict, ErrorDetail::NotInQueue,
            QStringLiteral("The session is not waiting for or held by a person"),
            {{QStringLiteral("sessionId"), s.id}, {QStringLiteral("currentTier"), toString(s.currentTier)},
                {QStringLiteral("status"), toString(s.status)}});
    return Held{s, *item};
}

Status Desk::mayAct(const Held &h, const Actor &actor) const
{
    if (h.item.assigneeId == actor.subject || isSupervisor(actor))
        return Ok{};
    return notYours(h);
}

Error Desk::notYours(const Held &h)
{
    QJsonObject details{{QStringLiteral("sessionId"), h.session.id}};
    details.insert(QStringLiteral("holder"),
        h.item.claimed() ? QJsonValue(
            QJsonObject{{QStringLiteral("id"), h.item.assigneeId}, {QStringLiteral("name"), h.item.assigneeName}})
                         : QJsonValue(QJsonValue::Null));
    return makeError(ErrorKind::Conflict, ErrorDetail::NotClaimedByYou,
        h.item.claimed() ? QStringLiteral("Another person holds this session")
                         : QStringLiteral("Claim the session first"),
        details);
}

Result<Session> Desk::reload(const QString &companyId, const QString &sessionId)
{
    m_engine.core().forget(sessionId);
    return m_engine.core().openSession(companyId, sessionId, true, {}, MessageWindow{});
}

Result<Session> Desk::changed(const Held &h, const Actor &actor, const QString &action, const QJsonObject &details,
    const std::function<Status()> &work)
{
    const Status ok = m_engine.core().store().batch().run([&]() -> Status {
        if (Status done = work(); !done)
            return done;
        return m_engine.core().record(
            h.session.companyId, actor, action, sessionResource(h.session.id), AuditOutcome::Done, details);
    });
    if (!ok) {
        m_engine.core().forget(h.session.id);
        return m_engine.core().store().batch().failure(QStringLiteral("could not store the change"));
    }
    publishQueue(h.session.companyId, h.session.id, SessionEventType::QueueUpdated);
    m_assigner.wake(h.session.companyId); // a release or transfer may have made room
    return reload(h.session.companyId, h.session.id);
}

Result<Session> Desk::claim(const QString &companyId, const QString &sessionId, const Actor &actor)
{
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    const DeskItem &item = held->item;
    auto taken = [&] {
        return makeError(ErrorKind::Conflict, ErrorDetail::SessionClaimed,
            QStringLiteral("Another person holds this session"),
            {{QStringLiteral("sessionId"), sessionId},
                {QStringLiteral("holder"),
                    QJsonObject{
                        {QStringLiteral("id"), item.assigneeId}, {QStringLiteral("name"), item.assigneeName}}}});
    };
    if (item.claimed() && item.assigneeId != actor.subject)
        return taken();
    if (item.assigneeId == actor.subject)
        return reload(companyId, sessionId); // claiming your own claim again changes nothing
    const QString name = nameOf(companyId, actor.subject);
    bool won = false;
    auto result = changed(*held, actor, QStringLiteral("desk.claim"), {}, [&] {
        Status claimed = m_repo.claim(sessionId, actor.subject, name, m_engine.clock().nowMs());
        won = claimed.ok();
        return claimed;
    });
    if (!won) {
        // Only one claim can change the row; the loser is told who won.
        if (const auto now = m_repo.find(sessionId); now && now->claimed()) {
            held->item = *now;
            return taken();
        }
    }
    return result;
}

Result<Session> Desk::release(const QString &companyId, const QString &sessionId, const Actor &actor)
{
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    if (const Status may = mayAct(*held, actor); !may)
        return may.error();
    return changed(*held, actor, QStringLiteral("desk.release"), {{QStringLiteral("holder"), held->item.assigneeId}},
        [&] { return m_repo.setAssignee(sessionId, {}, {}, m_engine.clock().nowMs()); });
}

Result<Session> Desk::assign(
    const QString &companyId, const QString &sessionId, const QString &agentId, const Actor &actor)
{
    if (!isSupervisor(actor))
        return makeError(ErrorKind::Forbidden, QStringLiteral("Assigning needs the supervisor role"));
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    const auto agent = m_engine.core().store().agents().find(companyId, agentId.left(128));
    if (!agent || !agent->active)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Agent not found"), {{QStringLiteral("agentId"), agentId.left(128)}});
    return changed(*held, actor, QStringLiteral("desk.assign"),
        {{QStringLiteral("agentId"), agent->id}, {QStringLiteral("previous"), held->item.assigneeId}},
        [&] { return m_repo.setAssignee(sessionId, agent->id, agent->name, m_engine.clock().nowMs()); });
}

Result<Session> Desk::setPriority(
    const QString &companyId, const QString &sessionId, Priority priority, const Actor &actor, bool retarget)
{
    if (!isSupervisor(actor))
        return makeError(ErrorKind::Forbidden, QStringLiteral("Setting a priority needs the supervisor role"));
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    DeskItem item = held->item;
    const Priority previous = item.priority;
    item.priority = priority;
    item.updatedAt = m_engine.clock().nowMs();
    if (retarget) {
        const auto company = m_engine.company(companyId);
        if (!company)
            return company.error();
        desk::setDueTimes(item, company->config.desk);
    }
    return changed(*held, actor, QStringLiteral("desk.priority"),
        {{QStringLiteral("priority"), toString(priority)}, {QStringLiteral("previous"), toString(previous)}},
        [&] { return m_repo.put(item); });
}

Result<Session> Desk::transfer(const QString &companyId, const QString &sessionId, Tier target, const QString &queue,
    const QString &notes, const Actor &actor)
{
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    if (const Status may = mayAct(*held, actor); !may)
        return may.error();
    const auto company = m_engine.company(companyId);
    if (!company)
        return company.error();
    if (target == Tier::HumanAgent && !company->config.desk.hasQueue(queue))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("queue must name one of the company's queues"),
            {{QStringLiteral("field"), QStringLiteral("queue")},
                {QStringLiteral("allowed"), QJsonArray::fromStringList(company->config.desk.queueNames())}});
    if (!notes.isEmpty()) {
        if (auto checked = validateCustomerText(notes, m_engine.limits().maxNotesChars, QStringLiteral("notes"));
            !checked)
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("notes must be at most 2000 characters, without control characters"),
                {{QStringLiteral("field"), QStringLiteral("notes")}});
    }
    Session s = held->session;
    const qint64 now = m_engine.clock().nowMs();
    // The record keeps the seed's reason enum: it repeats the reason the session came to a person for.
    EscalationRecord e{Tier::HumanAgent, target, held->item.reason, now, notes, false};
    e.transfer = true;
    const bool toPerson = target == Tier::HumanAgent;
    auto result = changed(*held, actor, QStringLiteral("desk.transfer"),
        {{QStringLiteral("targetTier"), toString(target)}, {QStringLiteral("queue"), queue}}, [&]() -> Status {
            if (Status appended = m_engine.core().store().sessions().appendEscalation(s, e); !appended)
                return appended;
            s.escalationHistory << e;
            if (toPerson) {
                DeskItem item = held->item;
                item.queue = queue;
                item.assigneeId.clear(); // the new queue's people claim it afresh; the SLA clock runs on
                item.assigneeName.clear();
                item.claimedAt = 0;
                item.updatedAt = now;
                return m_repo.put(item);
            }
            s.currentTier = target;
            s.status = SessionStatus::Active;
            s.irateCount = 0;
            s.unconfidentTurns = 0;
            s.updatedAt = s.lastActivityAt = now;
            if (Status removed = m_repo.remove(s.id, now); !removed)
                return removed;
            return m_engine.core().store().sessions().update(s);
        });
    if (!result)
        return result;
    if (!toPerson)
        publishQueue(companyId, sessionId, SessionEventType::QueueRemoved);
    if (m_engine.eventsWanted()) {
        SessionEvent event = makeSessionEvent(SessionEventType::Transferred, *result);
        event.escalation = e;
        event.internal = true; // a person's notes: agents only
        m_engine.core().publish(std::move(event));
    }
    return result;
}

} // namespace tierdesk
