#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace tierdesk::api {

// Who has each conversation open in the console, and who is typing in it (docs/api.md, "Live
// events": viewing / typing / left → viewers). Kept per connection, so a person with two windows
// is listed once and a closed connection leaves everything it viewed at once. Each call returns
// the sessions whose list of viewers changed (the hub sends those lists). Typing lasts until
// `typingUntilMs` passes (expire()), the person leaves, or sends a reply or note.
class SessionViewers {
public:
    struct Viewer {
        QString agentId;
        QString name;
        bool typing = false;
        bool internal = false; // typing a note, not a reply to the customer
        bool operator==(const Viewer &o) const
        {
            return agentId == o.agentId && name == o.name && typing == o.typing && internal == o.internal;
        }
    };
    using Connection = const void *;

    static constexpr int kMaxViewedPerConnection = 50;

    // False when the connection already views kMaxViewedPerConnection other sessions.
    bool view(Connection c, const QString &sessionId, const QString &agentId, const QString &name, bool *changed);
    // Views the session too; typing until `untilMs` (epoch ms).
    bool type(Connection c, const QString &sessionId, const QString &agentId, const QString &name, bool internal,
        qint64 untilMs, bool *changed);
    bool leave(Connection c, const QString &sessionId);
    QStringList drop(Connection c); // the connection closed
    // The person wrote to the session (from any connection): not typing there any more.
    bool wrote(const QString &sessionId, const QString &agentId);
    // Typing that ran out by `nowMs`; returns the sessions that changed.
    QStringList expire(qint64 nowMs);
    // The earliest typing deadline, or 0 when nobody types.
    qint64 nextDeadline() const;

    bool isViewing(Connection c, const QString &sessionId) const { return m_viewedBy.value(c).contains(sessionId); }
    // By person: one entry per agent, typing when any of their connections types.
    QList<Viewer> viewers(const QString &sessionId) const;

private:
    struct Seat {
        QString agentId;
        QString name;
        qint64 typingUntil = 0; // 0: not typing
        bool internal = false;
    };
    // session id → connection → seat
    QHash<QString, QHash<Connection, Seat>> m_sessions;
    QHash<Connection, QSet<QString>> m_viewedBy;
};

} // namespace tierdesk::api
