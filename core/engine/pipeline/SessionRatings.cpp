#include "core/engine/pipeline/SessionRatings.h"

#include "core/common/Validation.h"
#include "core/engine/pipeline/CustomerText.h"

namespace tierdesk {
namespace {

QJsonObject ratingWebhookData(const SessionRating &r)
{
    return {{QStringLiteral("rating"), r.rating}, {QStringLiteral("comment"), r.comment},
        {QStringLiteral("tier"), r.tier}, {QStringLiteral("channel"), r.channel},
        {QStringLiteral("agentId"), r.agentId.isEmpty() ? QJsonValue() : QJsonValue(r.agentId)}};
}

} // namespace

Status SessionRatings::checkInput(const Input &input)
{
    if (input.rating < SessionRating::kMinRating || input.rating > SessionRating::kMaxRating)
        return invalidField(QStringLiteral("rating"), QStringLiteral("rating must be a whole number from 1 to 5"));
    return checkText(QStringLiteral("comment"), input.comment, SessionRating::kMaxCommentChars);
}

Status SessionRatings::mayRate(const Session &s, const Actor &actor, bool resolvingFirst)
{
    // openSession() answered another customer's session as not found already.
    if (actor.customerScope.isEmpty() && actor.role != QLatin1String("admin"))
        return makeError(ErrorKind::Forbidden, QStringLiteral("Only the session's customer or an admin may rate it"),
            {{QStringLiteral("role"), actor.role}});
    if (s.status != SessionStatus::Resolved && !resolvingFirst)
        return makeError(ErrorKind::Conflict, ErrorDetail::SessionNotResolved,
            QStringLiteral("The session is not resolved yet; it can be rated once it is"),
            {{QStringLiteral("sessionId"), s.id}, {QStringLiteral("status"), toString(s.status)}});
    if (m_core.store().ratings().find(s.id))
        return makeError(ErrorKind::Conflict, ErrorDetail::AlreadyRated, QStringLiteral("The session is rated already"),
            {{QStringLiteral("sessionId"), s.id}});
    return Ok{};
}

Status SessionRatings::mayRate(
    const QString &companyId, const QString &sessionId, const Actor &actor, bool resolvingFirst)
{
    const auto found = m_core.openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    return mayRate(*found, actor, resolvingFirst);
}

Result<std::optional<SessionRating>> SessionRatings::find(
    const QString &companyId, const QString &sessionId, const Actor &actor)
{
    const auto found = m_core.openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    return m_core.store().ratings().find(found->id);
}

SessionRating SessionRatings::ratingOf(const Session &s, const Input &input, const Actor &actor) const
{
    SessionRating r;
    r.sessionId = s.id;
    r.companyId = s.companyId;
    r.rating = input.rating;
    r.comment = input.comment.trimmed();
    r.ratedAt = m_core.clock().nowMs();
    if (s.resolution) {
        r.agentId = s.resolution->heldById;
        r.agentName = s.resolution->heldByName;
    }
    r.tier = toString(s.currentTier);
    r.channel = toString(s.channel);
    r.ratedBy = actor.subject;
    return r;
}

Result<SessionRating> SessionRatings::rate(const QString &companyId, const QString &sessionId, const Input &input,
    const Actor &actor, const std::function<bool()> &alongside)
{
    if (const Status checked = checkInput(input); !checked)
        return checked.error();
    const auto found = m_core.openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    if (const Status allowed = mayRate(*found, actor, false); !allowed)
        return allowed.error();
    const SessionRating rating = ratingOf(*found, input, actor);
    const bool stored = m_core.store().batch().run([&] {
        if (!m_core.store().ratings().insert(rating) || (alongside && !alongside()))
            return false;
        const QJsonObject details{{QStringLiteral("rating"), rating.rating},
            {QStringLiteral("hasComment"), !rating.comment.isEmpty()}, {QStringLiteral("agentId"), rating.agentId}};
        if (!m_core.record(companyId, actor, QStringLiteral("session.rate"), QStringLiteral("session:") + found->id,
                AuditOutcome::Done, withPiiKinds(details, rating.comment)))
            return false;
        announce(*found, rating);
        return true;
    });
    if (!stored)
        return m_core.store().batch().failure(QStringLiteral("could not store the rating"));
    return rating;
}

void SessionRatings::announce(const Session &s, const SessionRating &r)
{
    m_core.queueWebhook(s, QStringLiteral("satisfaction.rated"), ratingWebhookData(r));
    if (r.isLow())
        m_core.queueWebhook(s, QStringLiteral("satisfaction.low"), ratingWebhookData(r));
    for (const SessionEventType type : {SessionEventType::SatisfactionRated, SessionEventType::SatisfactionLow}) {
        if (type == SessionEventType::SatisfactionLow && !r.isLow())
            continue;
        SessionEvent event = makeSessionEvent(type, s);
        event.rating = r;
        m_core.publish(std::move(event));
    }
}

} // namespace tierdesk
