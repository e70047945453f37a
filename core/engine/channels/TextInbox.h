#pragma once

#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/ChannelSessions.h"
#include "core/engine/channels/TextMessage.h"

#include <QObject>

namespace tierdesk {

// Texts in (Twilio's SMS and WhatsApp, already verified): a MessageSid is stored once; the
// sender's open conversation of that kind takes the text, else a new session (channel sms; a
// WhatsApp one is chat with metadata.source whatsapp). Delivery reports mark replies. Engine thread.
class TextInbox : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxBodyChars = 1600 * 10; // Twilio joins a long SMS; WhatsApp allows 4,096
    static constexpr int kMaxMediaUrls = 10;

    TextInbox(SessionEngine &engine, ChannelAccounts &accounts, ChannelSessions &sessions, QObject *parent = nullptr);

    // done(Ok) once the text is committed (or was stored before); an unknown company or one
    // without Twilio is NotFound, a text to a number not the company's InvalidArgument.
    void receive(const InboundText &text, QObject *context, std::function<void(Status)> done);
    // A reply's delivery as Twilio reports it: delivered, failed, undelivered (others are kept as sent).
    void status(const TextStatus &status);

    // Texts a restart left stored but not in their conversation (Twilio was answered 200, or sends
    // the MessageSid again and is answered as for one stored): the ids, oldest first.
    QStringList unposted();
    // Posts each of those still not posted, as it came; the number taken up.
    int resume(const QStringList &ids, QObject *context);

signals:
    void deliveryChanged(const QString &companyId, const QString &sessionId);

private:
    Result<ChannelMessageRow> claim(const InboundText &text);
    // The sender's open conversation of the text's kind takes it, else a new one.
    void place(const InboundText &text, const QString &rowId, QObject *context, std::function<void(Status)> done);
    void postTo(const ChannelThread &thread, const InboundText &text, const QString &rowId, QObject *context,
        std::function<void(Status)> done);

    SessionEngine &m_engine;
    ChannelAccounts &m_accounts;
    ChannelSessions &m_sessions;
};

} // namespace tierdesk
