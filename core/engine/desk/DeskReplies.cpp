// What the desk says and hears: a person's replies and notes, the hand-over
// note, queueing an escalation and a person's resolve.
#include "core/engine/desk/Desk.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"
#include "core/engine/desk/DeskRules.h"
#include "core/engine/pipeline/CustomerText.h"
#include "core/engine/reply/Phrases.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tierdesk {
namespace {

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{[^{}]{0,64}\\}\\}"));
    QStringList out;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.removeDuplicates();
    return out;
}

SessionEvent queueAddedEvent(const QString &companyId, const QString &sessionId, const QueueItem &item)
{
    SessionEvent event;
    event.type = SessionEventType::QueueAdded;
    event.companyId = companyId;
    event.sessionId = sessionId;
    event.queueItem = item;
    return event;
}

} // namespace

bool Desk::queued(const Session &s, const EscalationRecord &e, qint64 now)
{
    const auto company = m_engine.company(s.companyId);
    if (!company)
        return false;
    const DeskConfig &config = company->config.desk;
    const auto customer = m_engine.core().store().customers().find(s.companyId, s.customerId);
    DeskItem d;
    d.sessionId = s.id;
    d.companyId = s.companyId;
    d.queue = config.queueFor(s.issueCategory);
    d.priority = desk::priorityFor(e.reason, s.customerSentiment, customer && customer->isVIP);
    d.reason = e.reason;
    d.fromTier = e.fromTier;
    d.queuedAt = d.updatedAt = now;
    desk::setDueTimes(d, config);
    if (!m_repo.put(d))
        return false;
    m_assigner.wake(s.companyId);
    if (!e.transfer)
        m_engine.core().store().batch().afterCommit([this, companyId = s.companyId, sessionId = s.id](bool committed) {
            if (committed)
                emit escalatedToPerson(companyId, sessionId);
        });
    const bool notify = company->config.notifyOnEscalation;
    if (!notify && !m_engine.eventsWanted())
        return true;
    const QString companyId = s.companyId;
    const QString sessionId = s.id;
    m_engine.core().store().batch().afterCommit([this, companyId, sessionId, notify](bool committed) {
        const auto queued = committed ? item(sessionId) : std::nullopt;
        if (!queued)
            return;
        if (m_engine.eventsWanted())
            emit m_engine.sessionEvent(queueAddedEvent(companyId, sessionId, *queued));
        if (notify)
            emit escalationQueued(companyId, *queued);
    });
    return true;
}

QString Desk::handoverNote(const Session &s, const Company &company)
{
    const auto item = m_repo.find(s.id);
    if (!item || (m_availability && m_availability->anyAvailable(s.companyId, item->queue)))
        return {};
    const Phrases say(company.config.language, company.config.company);
    // Outside business hours nobody is due to answer before the next opening: say when that is.
    if (const auto &hours = company.config.desk.businessHours; hours && !hours->isOpen(item->queuedAt))
        return say(Phrase::TeamAway)
            .arg(say.opening(hours->nextOpening(item->queuedAt), hours->timeZone, item->queuedAt));
    const int minutes = int((item->firstResponseDue - item->queuedAt) / 60000);
    QString text = say(Phrase::TeamBusy).arg(say.waitTime(minutes));
    if (const QString phone = company.config.escalationPhone; !phone.isEmpty())
        text += say(Phrase::CallUs).arg(phone);
    return text;
}

void Desk::customerWrote(const Session &s)
{
    // A snoozed conversation is back with the customer's next message.
    if (!wake(s.id, m_engine.clock().nowMs()))
        publishQueue(s.companyId, s.id, SessionEventType::QueueUpdated);
}

// The queue and the conversation's side panel show the new summary without a reload.
void Desk::summaryWritten(const Session &s)
{
    publishQueue(s.companyId, s.id, SessionEventType::QueueUpdated);
}

void Desk::publishMessage(const Session &s, const Message &m, bool internal)
{
    if (!m_engine.eventsWanted())
        return;
    SessionEvent event = makeSessionEvent(SessionEventType::Message, s);
    event.reply = m;
    event.internal = internal; // notes go to agents and above only
    m_engine.core().publish(std::move(event));
}

Status Desk::checkSeen(const QString &sessionId, const AgentReply &reply)
{
    if (reply.basedOn.isEmpty())
        return Ok{};
    const auto seen = m_repo.positionOf(sessionId, reply.basedOn.left(128));
    if (!seen)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("basedOn must be the id of a message of this session"),
            {{QStringLiteral("field"), QStringLiteral("basedOn")}});
    const QList<DeskMessage> newer = m_repo.customerMessagesAfter(sessionId, *seen, 20);
    if (newer.isEmpty() || reply.force)
        return Ok{};
    QJsonArray list;
    for (const DeskMessage &m : newer)
        list.append(QJsonObject{{QStringLiteral("id"), m.id}, {QStringLiteral("content"), m.content},
            {QStringLiteral("timestamp"), timefmt::iso(m.timestamp)}});
    return makeError(ErrorKind::Conflict, ErrorDetail::StaleReply,
        QStringLiteral("The customer wrote after the message this reply is based on"),
        {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("newMessages"), list}});
}

bool Desk::claimByReply(const Held &h, const Actor &actor, qint64 now)
{
    const QString &id = h.session.id;
    return m_repo.claim(id, actor.subject, nameOf(h.session.companyId, actor.subject), now)
        && m_engine.core().record(h.session.companyId, actor, QStringLiteral("desk.claim"),
            QStringLiteral("session:") + id, AuditOutcome::Done, {{QStringLiteral("byReply"), true}});
}

Result<Message> Desk::reply(
    const QString &companyId, const QString &sessionId, const AgentReply &reply, const Actor &actor)
{
    if (reply.internal && !reply.files.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("Files go to the customer, not into a note"),
            {{QStringLiteral("field"), QStringLiteral("internal")}});
    // A file sent without words is named in the conversation by its name.
    QStringList names;
    for (const SessionFile &f : reply.files)
        names << f.name;
    const QString content
        = reply.content.trimmed().isEmpty() && !names.isEmpty() ? names.join(QStringLiteral(", ")) : reply.content;
    const auto text = validateCustomerText(content, kMaxReplyChars, QStringLiteral("content"));
    if (!text)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("content must be 1 to %1 characters without control characters").arg(kMaxReplyChars),
            {{QStringLiteral("field"), QStringLiteral("content")}});
    if (const QStringList missing = placeholders(*text); !missing.isEmpty())
        return makeError(ErrorKind::InvalidArgument, ErrorDetail::UnresolvedPlaceholder,
            QStringLiteral("The reply still holds placeholders without a value"),
            {{QStringLiteral("placeholders"), QJsonArray::fromStringList(missing)}});
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    // Notes are for colleagues: any agent may leave one. A reply is the holder's: a person's
    // reply to a session nobody holds claims it for them, so no two people answer one customer.
    if (!reply.internal && held->item.claimed() && held->item.assigneeId != actor.subject)
        return notYours(*held);
    const bool claiming = !reply.internal && !held->item.claimed();
    if (const Status seen = checkSeen(sessionId, reply); !seen)
        return seen.error();
    Session s = held->session;
    const qint64 now = m_engine.clock().nowMs();
    Message m;
    m.id = ids::random(QStringLiteral("msg_"));
    m.role = reply.internal ? QStringLiteral("internal_note") : QStringLiteral("human_agent");
    m.content = *text;
    m.timestamp = now;
    m.meta.person = PersonMeta{actor.subject, nameOf(companyId, actor.subject), false, std::nullopt, {}};
    for (const SessionFile &f : reply.files)
        m.meta.files.append({f.id, f.name, f.contentType, f.bytes, true});
    QList<Mention> mentions;
    const bool ok = m_engine.core().store().batch().run([&] {
        if (claiming && !claimByReply(*held, actor, now))
            return false;
        for (const SessionFile &f : reply.files)
            if (f.sessionId != s.id || !m_engine.core().store().sessionFiles().insert(f))
                return false;
        if (!m_engine.core().store().sessions().appendMessage(s.id, s.messageCount++, m))
            return false;
        if (reply.internal && !storeMentions(s, m, actor, &mentions))
            return false;
        if (!reply.internal && held->item.firstResponseAt == 0 && !m_repo.setFirstResponse(s.id, now))
            return false;
        s.updatedAt = now;
        if (!reply.internal)
            s.lastActivityAt = now;
        return m_engine.core().store().sessions().update(s, held->session) // team mode: unchanged since read
            && m_engine.core().record(companyId, actor,
                reply.internal ? QStringLiteral("desk.note") : QStringLiteral("desk.reply"),
                QStringLiteral("session:") + s.id, AuditOutcome::Created,
                withPiiKinds({{QStringLiteral("messageId"), m.id}}, m.content));
    });
    if (!ok) {
        m_engine.core().forget(s.id);
        // Claimed by someone else between reading and writing: say who.
        if (const auto current = m_repo.find(s.id); claiming && current && current->claimed()) {
            held->item = *current;
            return notYours(*held);
        }
        // Team mode: a message arrived on another instance between reading and writing.
        if (const auto current = m_engine.core().store().sessions().find(s.id, false);
            current && current->messageCount != held->session.messageCount)
            return makeError(ErrorKind::Conflict,
                QStringLiteral("The conversation changed on another server meanwhile; send the reply again"),
                {{QStringLiteral("sessionId"), s.id}});
        return m_engine.core().store().batch().failure(QStringLiteral("could not store the message"));
    }
    m_engine.core().remember(s);
    publishMessage(s, m, reply.internal);
    publishMentions(s, mentions);
    publishQueue(companyId, s.id, SessionEventType::QueueUpdated);
    if (!reply.internal)
        emit personReplied(s, m);
    return m;
}

QString Desk::closingMessage(const QString &companyId, const QString &subject)
{
    const auto company = m_engine.company(companyId);
    const Phrases say = company ? Phrases(company->config.language, company->config.company) : Phrases();
    return say(Phrase::Closing).arg(nameOf(companyId, subject));
}

Result<QString> Desk::closingMessage(const QString &companyId, const QString &sessionId, const Actor &actor)
{
    if (const auto s = m_engine.core().openSession(companyId, sessionId, false, actor.customerScope, {}); !s)
        return s.error();
    return closingMessage(companyId, actor.subject);
}

bool Desk::resolving(Session &s, const Actor &actor, qint64 now, const std::optional<QString> &closingMessage)
{
    if (const auto item = m_repo.find(s.id)) {
        if (!m_repo.remove(s.id, now))
            return false;
        publishQueue(s.companyId, s.id, SessionEventType::QueueRemoved);
        m_assigner.wake(s.companyId); // its holder has room again
        if (s.resolution && item->claimed()) { // whose work the customer's rating judges
            s.resolution->heldById = item->assigneeId;
            s.resolution->heldByName = item->assigneeName;
        }
    }
    const bool person = actor.role == QLatin1String("agent") || actor.role == QLatin1String("supervisor")
        || actor.role == QLatin1String("admin");
    if (!person || s.currentTier != Tier::HumanAgent || !s.resolution)
        return true;
    const QString name = nameOf(s.companyId, actor.subject);
    s.resolution->resolvedById = actor.subject;
    s.resolution->resolvedByName = name;
    if (s.resolution->heldById.isEmpty()) { // resolved by a person while nobody held it
        s.resolution->heldById = actor.subject;
        s.resolution->heldByName = name;
    }
    const QString words = closingMessage.value_or(this->closingMessage(s.companyId, actor.subject)).trimmed();
    if (words.isEmpty()) // the person chose to say no goodbye
        return m_engine.core()
            .record(s.companyId, actor, QStringLiteral("desk.resolve"), QStringLiteral("session:") + s.id,
                AuditOutcome::Done, withPiiKinds({}, s.resolution->summary))
            .ok();
    Message closing;
    closing.id = ids::random(QStringLiteral("msg_"));
    closing.role = QStringLiteral("human_agent");
    closing.content = words;
    closing.timestamp = now;
    closing.meta.person = PersonMeta{actor.subject, name, true, std::nullopt, {}};
    if (!m_engine.core().store().sessions().appendMessage(s.id, s.messageCount++, closing))
        return false;
    publishMessage(s, closing, false);
    const Status recorded
        = m_engine.core().record(s.companyId, actor, QStringLiteral("desk.resolve"), QStringLiteral("session:") + s.id,
            AuditOutcome::Done, withPiiKinds({{QStringLiteral("messageId"), closing.id}}, s.resolution->summary));
    return recorded.ok();
}

} // namespace tierdesk
