#pragma once

#include <QHash>
#include <QString>

namespace tierdesk {

// Which web chat sessions have their visitor connected to this server now (a Socket.IO client
// joined to the session): a person's reply to a visitor who is not goes by e-mail as well
// (WebChatMail). Counted per join, as a visitor may have the chat open in several tabs. Engine thread.
class WebVisitorPresence {
public:
    void joined(const QString &sessionId) { ++m_clients[sessionId]; }
    void left(const QString &sessionId)
    {
        if (auto it = m_clients.find(sessionId); it != m_clients.end() && --*it <= 0)
            m_clients.erase(it);
    }
    bool connected(const QString &sessionId) const { return m_clients.contains(sessionId); }

private:
    QHash<QString, int> m_clients;
};

} // namespace tierdesk
