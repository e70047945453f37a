#include "core/engine/pipeline/SessionService.h"

#include "core/common/Time.h"
#include "core/common/Validation.h"
#include "core/engine/channels/SatisfactionSurveys.h"
#include "core/engine/pipeline/CustomerText.h"
#include "core/engine/pipeline/OpenSession.h"

#include <QJsonDocument>

namespace tierdesk {
namespace {

constexpr int kStaleBatch = 500; // idle sessions one sweep marks abandoned at most (the next sweep takes the rest)

} // namespace

Result<Session> SessionService::find(
    const QString &companyId, const QString &id, const MessageWindow &window, const QString &customerScope)
{
    return m_core.openSession(companyId, id, true, customerScope, window);
}

Result<QList<Session>> SessionService::list(const SessionFilter &filter, int *total)
{
    auto company = m_core.company(filter.companyId);
    if (!company)
        return company.error();
    return m_core.store().sessions().list(filter, total);
}

std::optional<Session> SessionService::header(const QString &sessionId)
{
    return m_core.store().sessions().find(sessionId.left(128), false);
}

Result<Session> SessionService::store(Session &s, const std::function<bool()> &writes, const QString &failure)
{
    if (!m_core.store().batch().run(writes)) {
        m_core.forget(s.id);
        return m_core.store().batch().failure(failure);
    }
    m_core.remember(s);
    return s;
}

Status SessionService::checkNotes(const QString &notes) const
{
    const int maxChars = m_core.limits().maxNotesChars;
    if (notes.size() > maxChars)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("notes must be at most 2000 characters"),
            {{QStringLiteral("field"), QStringLiteral("notes")}});
    if (!notes.isEmpty() && !validateCustomerText(notes, maxChars, QStringLiteral("notes")))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("notes must not contain control characters"),
            {{QStringLiteral("field"), QStringLiteral("notes")}});
    return Ok{};
}

Result<Session> SessionService::escalate(const QString &companyId, const QString &sessionId, EscalationReason reason,
    Tier target, const QString &notes, const Actor &actor)
{
    // The response carries the escalation history, not the transcript.
    auto found = openUnresolved(m_core, companyId, sessionId, true, actor.customerScope, MessageWindow{0, -1});
    if (!found)
        return found.error();
    Session s = found.value();
    if (target == Tier::AiRep || rank(target) <= rank(s.currentTier))
        return makeError(ErrorKind::InvalidArgument, ErrorDetail::InvalidEscalation,
            QStringLiteral("Invalid escalation target"),
            {{QStringLiteral("currentTier"), toString(s.currentTier)},
                {QStringLiteral("targetTier"), toString(target)}});
    if (const Status checked = checkNotes(notes); !checked)
        return checked.error();
    const qint64 now = m_core.clock().nowMs();
    return store(
        s,
        [&] {
            if (!m_core.applyEscalation(s, target, reason, notes, false, now))
                return false;
            s.updatedAt = s.lastActivityAt = now;
            const QJsonObject details{
                {QStringLiteral("reason"), toString(reason)}, {QStringLiteral("targetTier"), toString(target)}};
            return m_core.store().sessions().update(s)
                && m_core.record(companyId, actor, QStringLiteral("session.escalate"),
                    QStringLiteral("session:") + s.id, AuditOutcome::Done, withPiiKinds(details, notes));
        },
        QStringLiteral("could not store the escalation"));
}

Result<Session> SessionService::setMetadataEntry(
    const QString &companyId, const QString &sessionId, const QString &key, const QVariant &value, const Actor &actor)
{
    auto found = m_core.openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    Session s = found.value();
    s.metadata.insert(key, value);
    if (metadataBytes(s.metadata) > m_core.limits().maxMetadataBytes)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("metadata is larger than 8 KiB"),
            {{QStringLiteral("field"), QStringLiteral("metadata")}});
    s.updatedAt = m_core.clock().nowMs();
    return store(
        s,
        [&] {
            return m_core.store().sessions().setMetadata(s.id, s.metadata, s.updatedAt)
                && m_core.record(companyId, actor, QStringLiteral("session.metadata"),
                    QStringLiteral("session:") + s.id, AuditOutcome::Done, {{QStringLiteral("key"), key}});
        },
        QStringLiteral("could not store the session's metadata"));
}

Status SessionService::checkResolution(const Resolution &resolution) const
{
    // Every family's summary reaches the desk, the logs and the mails: the text rule holds here too.
    if (const Status text = checkText(QStringLiteral("summary"), resolution.summary, kMaxResolutionChars); !text)
        return text;
    for (const QString &action : resolution.actionsTaken)
        if (const Status text = checkText(QStringLiteral("actionsTaken"), action, kMaxResolutionChars); !text)
            return text;
    return Ok{};
}

Result<Session> SessionService::resolve(const QString &companyId, const QString &sessionId,
    const Resolution &resolution, const Actor &actor, const std::optional<QString> &closingMessage)
{
    auto found = openUnresolved(m_core, companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    Session s = found.value();
    if (const Status checked = checkResolution(resolution); !checked)
        return checked.error();
    if (closingMessage)
        if (const Status text = checkText(QStringLiteral("closingMessage"), *closingMessage, kMaxResolutionChars);
            !text)
            return text.error();
    const qint64 now = m_core.clock().nowMs();
    s.status = SessionStatus::Resolved;
    s.resolution = resolution;
    s.resolvedAt = s.updatedAt = now;
    return store(
        s,
        [&] {
            DeskHooks *desk = m_core.desk();
            if ((desk && !desk->resolving(s, actor, now, closingMessage)) || !m_core.store().sessions().update(s)
                || !SatisfactionSurveys::askAfterResolve(m_core, s, now))
                return false;
            m_core.record(companyId, actor, QStringLiteral("session.resolve"), QStringLiteral("session:") + s.id,
                AuditOutcome::Done,
                withPiiKinds({{QStringLiteral("resolutionType"), toString(resolution.type)}}, resolution.summary));
            m_core.queueWebhook(s, QStringLiteral("session.resolved"),
                {{QStringLiteral("tier"), toString(s.currentTier)},
                    {QStringLiteral("resolutionType"), toString(resolution.type)}});
            m_core.publish(makeSessionEvent(SessionEventType::Resolved, s));
            return true;
        },
        QStringLiteral("could not store the resolution"));
}

int SessionService::sweepAbandoned(qint64 idleMs)
{
    Store &db = m_core.store();
    const qint64 now = m_core.clock().nowMs();
    const QStringList stale = db.sessions().staleOpenSessions(now - idleMs, kStaleBatch);
    int count = 0;
    for (const QString &id : stale) {
        auto found = db.sessions().find(id, false);
        if (!found)
            continue;
        Session s = *found;
        const qint64 lastActivity = s.lastActivityAt;
        s.status = SessionStatus::Abandoned;
        s.updatedAt = now;
        const auto stored = store(
            s,
            [&] {
                if (!db.sessions().update(s))
                    return false;
                m_core.queueWebhook(s, QStringLiteral("session.abandoned"),
                    {{QStringLiteral("tier"), toString(s.currentTier)},
                        {QStringLiteral("lastActivityAt"), timefmt::iso(lastActivity)}});
                m_core.publish(makeSessionEvent(SessionEventType::Abandoned, s));
                m_core.record(s.companyId, Actor{}, QStringLiteral("session.abandon"),
                    QStringLiteral("session:") + s.id, AuditOutcome::System,
                    {{QStringLiteral("idleMinutes"), idleMs / 60000}});
                return true;
            },
            QStringLiteral("could not store the abandoned session"));
        if (stored)
            ++count;
    }
    return count;
}

Result<AnalyticsSummary> SessionService::analytics(
    const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy)
{
    auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    if (endMs < startMs)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("endDate is before startDate"));
    AnalyticsSummary out = m_core.store().analytics().compute(companyId, startMs, endMs, groupBy);
    if (out.cost.currency.isEmpty()) // no priced call: the figures are zeros of the company's money
        out.cost.currency = company->config.company.currency;
    return out;
}

} // namespace tierdesk
