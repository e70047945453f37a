// Colleagues named in internal notes: stored with the note, sent to the named person's consoles.
#include "core/common/Ids.h"
#include "core/engine/desk/Desk.h"
#include "core/engine/desk/DeskRules.h"

namespace tierdesk {

bool Desk::storeMentions(const Session &s, const Message &note, const Actor &actor, QList<Mention> *stored)
{
    if (!note.content.contains(QLatin1Char('@')))
        return true;
    QList<desk::Colleague> colleagues;
    for (const Agent &a : m_engine.core().store().agents().list(s.companyId))
        if (a.active && a.id != actor.subject)
            colleagues << desk::Colleague{a.id, a.name};
    const QString fromName = nameOf(s.companyId, actor.subject);
    for (const int i : desk::mentioned(note.content, colleagues, Mention::kMaxPerNote)) {
        Mention m;
        m.id = ids::random(QStringLiteral("mnt_"));
        m.companyId = s.companyId;
        m.agentId = colleagues.at(i).agentId;
        m.sessionId = s.id;
        m.messageId = note.id;
        m.fromId = actor.subject;
        m.fromName = fromName;
        m.excerpt = note.content.left(Mention::kExcerptChars);
        m.createdAt = note.timestamp;
        if (!m_engine.core().store().mentions().insert(m))
            return false;
        *stored << m;
    }
    return true;
}

void Desk::publishMentions(const Session &s, const QList<Mention> &mentions)
{
    if (!m_engine.eventsWanted())
        return;
    for (const Mention &m : mentions) {
        SessionEvent event = makeSessionEvent(SessionEventType::Mentioned, s);
        event.mention = m;
        event.internal = true;
        m_engine.core().publish(std::move(event));
    }
}

QList<Mention> Desk::mentions(const QString &companyId, const Actor &actor, bool unreadOnly, int limit)
{
    return m_engine.core().store().mentions().forAgent(
        companyId, actor.subject, unreadOnly, qBound(1, limit, Mention::kMaxListed));
}

Result<Mention> Desk::readMention(const QString &companyId, const QString &mentionId, const Actor &actor)
{
    std::optional<Mention> read;
    const bool ok = m_engine.core().store().batch().run([&] {
        read = m_engine.core().store().mentions().markRead(
            companyId, actor.subject, mentionId.left(64), m_engine.clock().nowMs());
        return true;
    });
    if (!ok)
        return m_engine.core().store().batch().failure(QStringLiteral("could not mark the mention read"));
    if (!read)
        return makeError(ErrorKind::NotFound, QStringLiteral("Mention not found"),
            {{QStringLiteral("mentionId"), mentionId.left(64)}});
    return *read;
}

} // namespace tierdesk
