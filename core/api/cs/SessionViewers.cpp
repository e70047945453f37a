#include "core/api/cs/SessionViewers.h"

#include <QMap>

namespace tierdesk::api {

bool SessionViewers::view(
    Connection c, const QString &sessionId, const QString &agentId, const QString &name, bool *changed)
{
    QSet<QString> &viewed = m_viewedBy[c];
    if (!viewed.contains(sessionId) && viewed.size() >= kMaxViewedPerConnection) {
        *changed = false;
        return false;
    }
    const QList<Viewer> before = viewers(sessionId);
    viewed.insert(sessionId);
    Seat &seat = m_sessions[sessionId][c];
    seat.agentId = agentId;
    seat.name = name;
    *changed = viewers(sessionId) != before;
    return true;
}

bool SessionViewers::type(Connection c, const QString &sessionId, const QString &agentId, const QString &name,
    bool internal, qint64 untilMs, bool *changed)
{
    bool viewChanged = false;
    if (!view(c, sessionId, agentId, name, &viewChanged)) {
        *changed = false;
        return false;
    }
    const QList<Viewer> before = viewers(sessionId);
    Seat &seat = m_sessions[sessionId][c];
    seat.typingUntil = untilMs;
    seat.internal = internal;
    *changed = viewChanged || viewers(sessionId) != before;
    return true;
}

bool SessionViewers::leave(Connection c, const QString &sessionId)
{
    auto session = m_sessions.find(sessionId);
    if (session == m_sessions.end() || !session->contains(c))
        return false;
    const QList<Viewer> before = viewers(sessionId);
    session->remove(c);
    if (session->isEmpty())
        m_sessions.erase(session);
    if (auto viewed = m_viewedBy.find(c); viewed != m_viewedBy.end()) {
        viewed->remove(sessionId);
        if (viewed->isEmpty())
            m_viewedBy.erase(viewed);
    }
    return viewers(sessionId) != before;
}

QStringList SessionViewers::drop(Connection c)
{
    QStringList changed;
    for (const QString &sessionId : m_viewedBy.value(c))
        if (leave(c, sessionId))
            changed << sessionId;
    m_viewedBy.remove(c);
    return changed;
}

bool SessionViewers::wrote(const QString &sessionId, const QString &agentId)
{
    auto session = m_sessions.find(sessionId);
    if (session == m_sessions.end())
        return false;
    bool changed = false;
    for (Seat &seat : *session) {
        if (seat.agentId == agentId && seat.typingUntil != 0) {
            seat.typingUntil = 0;
            changed = true;
        }
    }
    return changed;
}

QStringList SessionViewers::expire(qint64 nowMs)
{
    QStringList changed;
    for (auto session = m_sessions.begin(); session != m_sessions.end(); ++session) {
        const QList<Viewer> before = viewers(session.key());
        for (Seat &seat : *session)
            if (seat.typingUntil != 0 && seat.typingUntil <= nowMs)
                seat.typingUntil = 0;
        if (viewers(session.key()) != before)
            changed << session.key();
    }
    return changed;
}

qint64 SessionViewers::nextDeadline() const
{
    qint64 next = 0;
    for (const auto &session : m_sessions)
        for (const Seat &seat : session)
            if (seat.typingUntil != 0 && (next == 0 || seat.typingUntil < next))
                next = seat.typingUntil;
    return next;
}

QList<SessionViewers::Viewer> SessionViewers::viewers(const QString &sessionId) const
{
    // By agent id, so the list is in a stable order and each person is there once.
    QMap<QString, Viewer> byAgent;
    for (const Seat &seat : m_sessions.value(sessionId)) {
        Viewer &v = byAgent[seat.agentId];
        v.agentId = seat.agentId;
        v.name = seat.name;
        if (seat.typingUntil != 0) {
            v.internal = v.typing ? v.internal && seat.internal : seat.internal;
            v.typing = true;
        }
    }
    return byAgent.values();
}

} // namespace tierdesk::api
