#pragma once

#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/ChannelOutbox.h"
#include "core/engine/channels/ChannelSessions.h"
#include "core/engine/channels/MailInbox.h"
#include "core/engine/channels/MailPoller.h"
#include "core/engine/channels/TextInbox.h"
#include "core/engine/channels/WebChatMail.h"

#include <QObject>

#include <memory>

namespace tierdesk {

class CustomerDirectory;

// The inbox channels (DESIGN.md, "Channels"): the companies' mailboxes and Twilio accounts, texts
// and mails in, replies out. Every channel ends in the same turn as a chat message; only how words
// arrive and leave differs. Engine thread; made by the runtime beside the customer directory.
class Channels : public QObject {
    Q_OBJECT

public:
    // Without mail readers no mailbox is polled (mail is then only handed in).
    Channels(SessionEngine &engine, CustomerDirectory &customers, std::shared_ptr<ReplySender> sender,
        MailReaderFactory mailReaders = {}, QObject *parent = nullptr);
    ~Channels() override;

    ChannelAccounts &accounts() { return m_accounts; }
    ChannelSessions &sessions() { return m_sessions; }
    TextInbox &texts() { return *m_texts; }
    MailInbox &mail() { return *m_mail; }
    ChannelOutbox &outbox() { return *m_outbox; }
    MailPoller &poller() { return *m_poller; }
    WebChatMail &webMail() { return *m_webMail; }

    // The mails and texts of a session in and out, with their delivery (the conversation's view).
    QList<ChannelMessageRow> deliveries(const QString &companyId, const QString &sessionId);
    std::optional<ChannelThread> thread(const QString &sessionId);
    // A mail's kept original or attachment of the session; NotFound for another session's or company's.
    Result<ChannelFile> file(const QString &companyId, const QString &sessionId, const QString &fileId);

    // Begins sending replies and polling mailboxes (and posts the mail a restart left received but
    // not posted).
    void start();
    // Polling ends, the poll steps in flight are waited for (the server stops).
    void stop();

signals:
    // A reply's delivery changed, or a mail or text came: clients look at the session's deliveries again.
    void deliveryChanged(const QString &companyId, const QString &sessionId);

private:
    SessionEngine &m_engine;
    ChannelAccounts m_accounts;
    ChannelSessions m_sessions;
    std::unique_ptr<TextInbox> m_texts;
    std::unique_ptr<MailInbox> m_mail;
    std::unique_ptr<ChannelOutbox> m_outbox;
    std::unique_ptr<MailPoller> m_poller;
    std::unique_ptr<WebChatMail> m_webMail;
};

} // namespace tierdesk
