#pragma once

#include "core/domain/ChatVisitor.h"
#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/ChannelOutbox.h"
#include "core/engine/channels/ChannelSessions.h"
#include "core/engine/channels/WebVisitorPresence.h"

namespace tierdesk {

// A web chat conversation that goes on by e-mail: a person's reply to a visitor who is no longer
// connected is also sent to the visitor's address (the one they left in the chat, or the signed-in
// customer's) through the company's mailbox, and the visitor's answer to that mail joins the same
// conversation (its thread, of kind "web", is found by the Message-ID it answers). Only people's
// replies go: the thread's other replies are never mailed by the outbox. Engine thread.
class WebChatMail {
public:
    static constexpr auto kThreadKind = "web";

    WebChatMail(SessionEngine &engine, ChannelAccounts &accounts, ChannelSessions &sessions, ChannelOutbox &outbox)
        : m_engine(engine), m_accounts(accounts), m_sessions(sessions), m_outbox(outbox)
    {
    }

    WebVisitorPresence &presence() { return m_presence; }
    // A person's reply `m` in session `s` was committed: mailed when its visitor is away and has an
    // address and the company a mailbox. Whether it was queued.
    bool personReplied(const Session &s, const Message &m);
    // Where `visitor` of `s` can be written to: the address they left, else their customer's.
    QString addressOf(const Session &s, const ChatVisitor &visitor);

private:
    Result<ChannelThread> threadFor(const Session &s, const QString &address, const MailboxSettings &mailbox);

    SessionEngine &m_engine;
    ChannelAccounts &m_accounts;
    ChannelSessions &m_sessions;
    ChannelOutbox &m_outbox;
    WebVisitorPresence m_presence;
};

} // namespace tierdesk
