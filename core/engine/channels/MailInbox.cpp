#include "core/engine/channels/MailInbox.h"

#include "core/common/Ids.h"
#include "core/integrations/mail/MimeReader.h"
#include "core/integrations/mail/ReplyMail.h"
#include "core/store/Store.h"

#include <QCryptographicHash>
#include <QPointer>

namespace tierdesk {
namespace {

const QString kMailKind = QStringLiteral("email");

QString addressText(const MailAddress &a)
{
    return a.name.isEmpty() ? a.address : QStringLiteral("%1 <%2>").arg(a.name, a.address);
}

QStringList addressTexts(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out << addressText(a);
    return out;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// What the engine reads of the mail.
QString mailText(const MailInbox::Parsed &p, qint64 maxBytes, int maxChars)
{
    if (p.tooLarge)
        return QStringLiteral("%1\n\n(This mail is %2 MB, over the mailbox's limit of %3 MB: only its headers were "
                              "imported.)")
            .arg(p.mail.subject, megabytes(p.rawBytes), megabytes(maxBytes))
            .trimmed();
    if (p.mail.bounce)
        return QStringLiteral("Delivery failed: %1 %2").arg(p.mail.bounce->status, p.mail.bounce->diagnostic).trimmed();
    const QString text = p.mail.text.trimmed();
    if (text.size() > maxChars) {
        // The engine takes a message of so many characters: the start, and where the rest is.
        const QString note = QStringLiteral("\n\n(The mail goes on: its whole text is in the original.)");
        return text.left(maxChars - note.size()).trimmed() + note;
    }
    if (!text.isEmpty())
        return text;
    return p.mail.subject.trimmed().isEmpty() ? QStringLiteral("(no text)") : p.mail.subject.trimmed();
}

} // namespace

MailInbox::MailInbox(SessionEngine &engine, ChannelAccounts &accounts, ChannelSessions &sessions, QObject *parent)
    : QObject(parent), m_engine(engine), m_accounts(accounts), m_sessions(sessions)
{
}

Result<MailInbox::Parsed> MailInbox::parse(const QByteArray &raw, qint64 maxBytes)
{
    if (raw.size() > maxBytes) {
        // The header block alone: up to the first empty line.
        qsizetype end = raw.indexOf("\r\n\r\n");
        if (end < 0)
            end = raw.indexOf("\n\n");
        return parseHeaders(raw.left(end < 0 ? kHeaderBytesOfLargeMail : end + 2), raw.size());
    }
    Parsed p;
    p.rawBytes = raw.size();
    Result<mail::InboundMail> read = mail::MimeReader::read(raw);
    if (!read)
        return read.error();
    p.mail = *read;
    p.original = raw;
    return p;
}

Result<MailInbox::Parsed> MailInbox::parseHeaders(const QByteArray &headers, qint64 rawBytes)
{
    Parsed p;
    p.rawBytes = rawBytes;
    p.tooLarge = true;
    p.original = headers.left(kHeaderBytesOfLargeMail);
    Result<mail::InboundMail> read = mail::MimeReader::readHeaders(p.original);
    if (!read)
        return read.error();
    p.mail = *read;
    return p;
}

std::optional<ChannelThread> MailInbox::threadOf(const QString &companyId, const mail::InboundMail &m)
{
    ChannelRepo &repo = m_engine.core().store().channels();
    QStringList ids;
    for (const QByteArray &id : m.references)
        ids << QString::fromUtf8(id);
    if (!m.inReplyTo.isEmpty())
        ids << QString::fromUtf8(m.inReplyTo);
    std::optional<ChannelThread> thread;
    if (const std::optional<QString> session = repo.sessionOfExternalIds(companyId, ids))
        thread = repo.thread(*session);
    if (!thread) {
        if (const QString token = mail::ReplyMail::tokenIn(m.subject); !token.isEmpty())
            thread = repo.threadByShortId(companyId, token);
    }
    if (!thread)
        return std::nullopt;
    // A resolved conversation is not opened again by mail: the answer starts a new one.
    const std::optional<Session> header = m_engine.sessionHeader(thread->sessionId);
    if (!header || header->status == SessionStatus::Resolved)
        return std::nullopt;
    return thread;
}

Result<ChannelMessageRow> MailInbox::claim(const QString &companyId, const Parsed &p, const QString &messageId)
{
    const qint64 now = m_engine.clock().nowMs();
    ChannelMessageRow row;
    row.id = ids::random(QStringLiteral("chm_"));
    row.companyId = companyId;
    row.direction = QStringLiteral("in");
    row.kind = kMailKind;
    row.externalId = messageId;
    row.peer = p.mail.from.address.toLower();
    row.status = QStringLiteral("received");
    row.detail = {{QStringLiteral("subject"), p.mail.subject.left(500)},
        {QStringLiteral("from"), addressText(p.mail.from)}, {QStringLiteral("to"), addressTexts(p.mail.to)},
        {QStringLiteral("cc"), addressTexts(p.mail.cc)}, {QStringLiteral("text"), p.mail.text.left(kQuotedChars)}};
    if (p.mail.date.isValid()) // its Date header, with the writer's UTC offset
        row.detail.insert(QStringLiteral("date"), p.mail.date.toString(Qt::ISODate));
    if (p.mail.automatic != mail::Automatic::No)
        row.detail.insert(QStringLiteral("automaticMail"), p.mail.automaticBecause);
    if (p.tooLarge) // the kept original is its headers: a restart reads it as such (resume())
        row.detail.insert(QStringLiteral("tooLargeBytes"), p.rawBytes);
    row.createdAt = row.updatedAt = now;
    Store &store = m_engine.core().store();
    Result<bool> inserted = false;
    const Status written = store.batch().run([&]() -> Status {
        inserted = store.channels().insertMessage(row);
        if (!inserted)
            return inserted.error();
        if (!inserted.value())
            return Ok{};
        // The original and the attachments kept, with the row that owns them.
        if (Status s = store.channels().putFile({ids::random(QStringLiteral("file_")), companyId, row.id,
                QStringLiteral("original"), p.mail.subject.left(100) + QStringLiteral(".eml"),
                QStringLiteral("message/rfc822"), qint64(p.original.size()), p.original});
            !s)
            return s;
        for (const mail::MailAttachment &a : p.mail.attachments) {
            if (a.data.isEmpty())
                continue;
            if (Status s = store.channels().putFile(
                    {ids::random(QStringLiteral("file_")), companyId, row.id, QStringLiteral("attachment"),
                        a.fileName.left(200), QString::fromLatin1(a.contentType), a.size, a.data});
                !s)
                return s;
        }
        return Ok{};
    });
    if (!written)
        return written.error();
    if (!inserted.value())
        return makeError(ErrorKind::Conflict, QStringLiteral("this Message-ID is stored already"));
    return row;
}

MessageMeta MailInbox::metaOf(const Parsed &p, const ChannelMessageRow &row) const
{
    ChannelMeta c;
    c.kind = kMailKind;
    c.subject = p.mail.subject;
    c.from = addressText(p.mail.from);
    c.to = addressTexts(p.mail.to);
    c.cc = addressTexts(p.mail.cc);
    c.truncated = p.tooLarge || p.mail.truncated;
    if (p.mail.automatic != mail::Automatic::No)
        c.automatic = p.mail.automaticBecause.isEmpty() ? QStringLiteral("automatic mail") : p.mail.automaticBecause;
    for (const ChannelFile &f : m_engine.core().store().channels().filesOf(row.id)) {
        if (f.kind == QLatin1String("original"))
            c.original = f.id;
        else
            c.attachments.append({f.id, f.name, f.contentType, f.bytes, true});
    }
    for (const mail::MailAttachment &a : p.mail.attachments) {
        if (a.data.isEmpty())
            c.attachments.append({QString(), a.fileName, QString::fromLatin1(a.contentType), a.size, false});
    }
    MessageMeta meta;
    meta.channel = c;
    return meta;
}

void MailInbox::markBounced(const QString &companyId, const mail::BounceReport &bounce)
{
    Store &store = m_engine.core().store();
    std::optional<ChannelMessageRow> returned
        = store.channels().messageByExternalId(companyId, QString::fromUtf8(bounce.originalMessageId));
    if (!returned || returned->direction != QLatin1String("out"))
        return;
    returned->status = QStringLiteral("undelivered");
    returned->detail.insert(
        QStringLiteral("error"), QStringLiteral("%1 %2").arg(bounce.status, bounce.diagnostic).trimmed().left(500));
    returned->updatedAt = m_engine.clock().nowMs();
    store.batch().run([&] { return bool(store.channels().updateMessage(*returned)); });
    const QString sessionId = returned->sessionId;
    m_engine.afterCommit([self = QPointer<MailInbox>(this), companyId, sessionId](bool committed) {
        if (self && committed)
            emit self->deliveryChanged(companyId, sessionId);
    });
}

void MailInbox::receive(const QString &companyId, const Parsed &p, QObject *context, Done done)
{
    const Result<MailboxSettings> mailbox = m_accounts.email(companyId);
    if (!mailbox)
        return done(mailbox.error());
    // A mail without a Message-ID is known by its bytes.
    const QString messageId = !p.mail.messageId.isEmpty()
        ? QString::fromUtf8(p.mail.messageId).left(500)
        : QString::fromLatin1(QCryptographicHash::hash(p.original, QCryptographicHash::Sha256).toHex().left(40))
            + QStringLiteral("@tierdesk.no-message-id");
    if (const auto stored = m_engine.core().store().channels().messageByExternalId(companyId, messageId))
        return done(Receipt{stored->sessionId, true});
    Result<ChannelMessageRow> row = claim(companyId, p, messageId);
    if (!row) {
        if (row.error().kind == ErrorKind::Conflict)
            return done(Receipt{QString(), true});
        return done(row.error());
    }
    if (p.mail.bounce)
        markBounced(companyId, *p.mail.bounce);
    place(companyId, *mailbox, p, *row, context, std::move(done));
}

void MailInbox::place(const QString &companyId, const MailboxSettings &mailbox, const Parsed &p,
    const ChannelMessageRow &row, QObject *context, Done done)
{
    // A mail a restart left placed but not posted goes where it was placed.
    std::optional<ChannelThread> thread
        = row.sessionId.isEmpty() ? std::nullopt : m_engine.core().store().channels().thread(row.sessionId);
    if (!thread)
        thread = threadOf(companyId, p.mail);
    if (!thread) // a new subject within a burst of the sender's mails joins the conversation they are in
        thread = m_sessions.burstThread(companyId, kMailKind, p.mail.from.address.toLower());
    if (thread)
        return postTo(*thread, p, row, context, std::move(done));
    openAndPost(companyId, mailbox, p, row, context, std::move(done));
}

QStringList MailInbox::unposted()
{
    return m_engine.core().store().channels().unpostedInbound({kMailKind}, ChannelRepo::kMaxRows);
}

int MailInbox::resume(const QStringList &ids, QObject *context)
{
    Store &store = m_engine.core().store();
    int resumed = 0;
    for (const QString &id : ids) {
        const std::optional<ChannelMessageRow> row = store.channels().message(id);
        if (!row || row->status != QLatin1String("received"))
            continue;
        const Result<MailboxSettings> mailbox = m_accounts.email(row->companyId);
        std::optional<ChannelFile> original;
        for (const ChannelFile &f : store.channels().filesOf(row->id)) {
            if (f.kind == QLatin1String("original"))
                original = store.channels().file(row->companyId, f.id);
        }
        if (!mailbox || !original)
            continue;
        const qint64 tooLarge = row->detail.value(QStringLiteral("tooLargeBytes")).toLongLong();
        const Result<Parsed> parsed = tooLarge > 0 ? parseHeaders(original->content, tooLarge)
                                                   : parse(original->content, MailInbox::kMaxDeliveredBytes);
        if (!parsed)
            continue;
        ++resumed;
        place(row->companyId, *mailbox, *parsed, *row, context, [id](Result<Receipt> r) {
            if (!r)
                qWarning("mail %s received before a restart is still not posted: %s", qPrintable(id),
                    qPrintable(r.error().message));
        });
    }
    return resumed;
}

void MailInbox::openAndPost(const QString &companyId, const MailboxSettings &mailbox, const Parsed &p,
    const ChannelMessageRow &row, QObject *context, Done done)
{
    ChannelSessions::NewThread req{companyId,
        {kMailKind, p.mail.from.address.toLower(), p.mail.from.name, p.mail.from.address.toLower(), QString()},
        mailbox.address, p.mail.subject, Channel::Email,
        QVariantMap{{QStringLiteral("subject"), p.mail.subject.left(500)}}};
    QPointer<QObject> guard(context);
    const bool autoReply = mailbox.autoReply;
    m_sessions.openThread(
        req, this, [this, p, row, guard, autoReply, done = std::move(done)](Result<ChannelThread> thread) {
            if (!thread)
                return done(thread.error());
            const std::optional<Session> header = m_engine.sessionHeader(thread->sessionId);
            if (!autoReply && header && header->currentTier != Tier::HumanAgent) { // once, for a burst
                // The mailbox's AI replies are off: people answer it, so it waits for them from the start.
                m_engine.escalate(thread->companyId, thread->sessionId, EscalationReason::CustomerRequest,
                    Tier::HumanAgent, QStringLiteral("The mailbox's AI replies are off"),
                    ChannelSessions::actorFor(kMailKind, thread->peer));
            }
            postTo(*thread, p, row, guard, done);
        });
}

void MailInbox::postTo(
    const ChannelThread &thread, const Parsed &p, const ChannelMessageRow &row, QObject *context, Done done)
{
    const Result<MailboxSettings> mailbox = m_accounts.email(thread.companyId);
    const qint64 maxBytes = mailbox ? mailbox->maxBytes : MailboxSettings::kDefaultMaxBytes;
    const QString sessionId = thread.sessionId;
    // The mail belongs to its session before the turn runs: the reply's References are read from
    // the session's mails as soon as it is written, and a restart posts it there.
    ChannelMessageRow placed = row;
    placed.sessionId = sessionId;
    placed.updatedAt = m_engine.clock().nowMs();
    Store &store = m_engine.core().store();
    if (const Status s = store.batch().run([&]() -> Status { return store.channels().updateMessage(placed); }); !s)
        return done(s.error());
    m_sessions.post(thread, mailText(p, maxBytes, m_engine.limits().maxMessageChars), metaOf(p, row), row.id, context,
        [sessionId, done = std::move(done)](Result<QString> posted) {
            if (!posted)
                return done(posted.error());
            done(Receipt{sessionId, false});
        });
}

} // namespace tierdesk
