#pragma once

#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/ChannelSessions.h"
#include "core/integrations/mail/InboundMail.h"

#include <QObject>

namespace tierdesk {

// Mail in (DESIGN.md, "Channels"): a mail read off the engine thread (parse()) is stored here once
// per Message-ID, joins its session by In-Reply-To/References or the "[#short id]" token of its
// subject (else opens one, channel email), keeps its original and attachments within the
// mailbox's limits, and is posted as the customer's message: an automatic mail or a bounce is
// stored and never answered, and a bounce marks the reply it returns undelivered. Engine thread.
class MailInbox : public QObject {
    Q_OBJECT

public:
    static constexpr int kQuotedChars = 4000; // of a mail's text kept for quoting it in the reply
    static constexpr int kHeaderBytesOfLargeMail = 256 * 1024;
    static constexpr qint64 kMaxDeliveredBytes
        = 64 * 1024 * 1024; // a mail handed in whole (its headers read when over maxBytes)

    MailInbox(SessionEngine &engine, ChannelAccounts &accounts, ChannelSessions &sessions, QObject *parent = nullptr);

    struct Parsed {
        mail::InboundMail mail;
        QByteArray original; // what is kept of the raw mail (its headers alone when over maxBytes)
        qint64 rawBytes = 0;
        bool tooLarge = false; // over the mailbox's maxBytes: only its headers were read
    };
    // Off the engine thread: the mail read with the mailbox's limit (thread-safe, no engine state).
    static Result<Parsed> parse(const QByteArray &raw, qint64 maxBytes);
    // The same for a mail over the limit of which only the header section was fetched.
    static Result<Parsed> parseHeaders(const QByteArray &headers, qint64 rawBytes);

    struct Receipt {
        QString sessionId;
        bool duplicate = false; // this Message-ID was stored before: nothing was stored again
    };
    using Done = std::function<void(Result<Receipt>)>;
    // done once the mail is committed (or found stored), on the engine thread.
    void receive(const QString &companyId, const Parsed &parsed, QObject *context, Done done);
    // The mails a restart left stored but not posted to a session (taken when the server starts,
    // before any mail can be on its way), and posting those still so (read again from their kept
    // original); their count.
    QStringList unposted();
    int resume(const QStringList &ids, QObject *context);

signals:
    void deliveryChanged(const QString &companyId, const QString &sessionId);

private:
    std::optional<ChannelThread> threadOf(const QString &companyId, const mail::InboundMail &mail);
    Result<ChannelMessageRow> claim(const QString &companyId, const Parsed &parsed, const QString &messageId);
    MessageMeta metaOf(const Parsed &parsed, const ChannelMessageRow &row) const;
    void markBounced(const QString &companyId, const mail::BounceReport &bounce);
    void place(const QString &companyId, const MailboxSettings &mailbox, const Parsed &parsed,
        const ChannelMessageRow &row, QObject *context, Done done);
    void openAndPost(const QString &companyId, const MailboxSettings &mailbox, const Parsed &parsed,
        const ChannelMessageRow &row, QObject *context, Done done);
    void postTo(
        const ChannelThread &thread, const Parsed &parsed, const ChannelMessageRow &row, QObject *context, Done done);

    SessionEngine &m_engine;
    ChannelAccounts &m_accounts;
    ChannelSessions &m_sessions;
};

} // namespace tierdesk
