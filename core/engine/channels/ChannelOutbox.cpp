#include "core/engine/channels/ChannelOutbox.h"

#include "core/common/Ids.h"
#include "core/engine/channels/PhoneText.h"
#include "core/engine/channels/TextMessage.h"
#include "core/engine/channels/WebChatMail.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QPointer>

namespace tierdesk {
namespace {

const QString kOutbound = QStringLiteral("out");
const QString kPendingStatus = QStringLiteral("pending");

bool cameByChannel(const Session &s)
{
    return s.channel == Channel::Email || s.channel == Channel::Sms
        || s.metadata.value(QStringLiteral("source")).toString() == QLatin1String("whatsapp");
}

} // namespace

ChannelOutbox::ChannelOutbox(
    SessionEngine &engine, ChannelAccounts &accounts, std::shared_ptr<ReplySender> sender, QObject *parent)
    : QObject(parent), m_engine(engine), m_accounts(accounts), m_sender(std::move(sender))
{
    m_pool.setMaxThreadCount(4); // a slow SMTP server holds one; the others go on
    connect(&m_tick, &QTimer::timeout, this, &ChannelOutbox::kick);
}

ChannelOutbox::~ChannelOutbox()
{
    m_pool.waitForDone();
}

qint64 ChannelOutbox::backoffMs(int attempts)
{
    static const qint64 steps[] = {30000, 120000, 600000, 1800000, 7200000};
    return steps[qBound(0, attempts - 1, int(std::size(steps)) - 1)];
}

void ChannelOutbox::start(int tickMs)
{
    m_tick.start(tickMs);
    connect(&m_engine, &SessionEngine::sessionEvent, this, [this](const SessionEvent &e) {
        // Only a mail's or a text's session has replies to send: a chat's costs no look.
        const bool reply = e.type == SessionEventType::Message && e.reply && !e.relayed && !e.internal;
        // A resolution may have asked for a rating (SatisfactionSurveys): its mail or text goes now.
        if ((reply || e.type == SessionEventType::Resolved) && e.session && cameByChannel(*e.session))
            look(e.session->id);
    });
    kick();
}

void ChannelOutbox::kick()
{
    look(QString());
}

void ChannelOutbox::look(const QString &sessionId)
{
    // Team mode: one instance sends (the one running the team's timers), so nothing leaves twice.
    if (m_looking || !m_engine.runsTimers())
        return;
    m_looking = true;
    enqueueReplies(sessionId);
    sendDue();
    m_looking = false;
}

QString ChannelOutbox::newMessageId(const ChannelThread &thread)
{
    // <random.short-id@the company's domain>: unique, and recognisably this thread's when read.
    const QString domain = thread.own.section(QLatin1Char('@'), 1).toLower();
    return QStringLiteral("%1.%2@%3")
        .arg(ids::random(QStringLiteral("td")), thread.shortId.toLower(),
            domain.isEmpty() ? QStringLiteral("tierdesk.invalid") : domain);
}

void ChannelOutbox::enqueueReplies(const QString &sessionId)
{
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    // After one session's reply only that session is looked at: the whole look grows with the threads.
    const QList<UnsentReply> replies = sessionId.isEmpty() ? store.channels().unsentReplies(now - kLookBackMs, kBatch)
                                                           : store.channels().unsentRepliesOf(sessionId, kBatch);
    if (replies.isEmpty())
        return;
    store.batch().run([&] {
        for (const UnsentReply &reply : replies) {
            if (const auto thread = store.channels().thread(reply.sessionId))
                enqueue(reply, *thread, now);
        }
        return true;
    });
}

void ChannelOutbox::enqueueOne(const Message &reply, const ChannelThread &thread)
{
    enqueue(UnsentReply{reply.id, thread.sessionId, thread.companyId, reply.role, reply.content, reply.timestamp},
        thread, m_engine.clock().nowMs());
}

void ChannelOutbox::enqueue(const UnsentReply &reply, const ChannelThread &thread, qint64 now)
{
    ChannelMessageRow row;
    row.companyId = thread.companyId;
    row.sessionId = thread.sessionId;
    row.messageId = reply.messageId;
    row.direction = kOutbound;
    // A web chat's thread goes on by e-mail.
    row.kind = thread.kind == QLatin1String(WebChatMail::kThreadKind) ? QStringLiteral("email") : thread.kind;
    row.peer = thread.peer;
    row.status = kPendingStatus;
    row.createdAt = row.updatedAt = now;
    const bool automatic = reply.role != QLatin1String("human_agent");
    row.detail.insert(QStringLiteral("automatic"), automatic);
    Store &store = m_engine.core().store();
    const qint64 hourAgo = now - 3600000;
    const bool heldBack = automatic
        && store.channels().automaticRepliesTo(thread.companyId, thread.peer, hourAgo) >= kMaxAutomaticPerHour;
    if (heldBack) {
        row.status = QStringLiteral("skipped");
        row.detail.insert(QStringLiteral("error"),
            QStringLiteral("not sent: %1 automatic replies to %2 in the last hour")
                .arg(kMaxAutomaticPerHour)
                .arg(isTextChannel(thread.kind) ? QStringLiteral("this number") : QStringLiteral("this address")));
        toPerson(thread); // the desk sees what was held back, not only a row marked skipped
    }
    if (isTextChannel(thread.kind)) {
        const QStringList parts
            = PhoneText::split(PhoneText::plain(reply.content, thread.kind == QLatin1String("whatsapp")));
        for (int i = 0; i < parts.size(); ++i) {
            row.id = ids::random(QStringLiteral("chm_"));
            row.part = i;
            row.detail.insert(QStringLiteral("text"), parts.at(i));
            store.channels().insertMessage(row);
        }
        return;
    }
    row.id = ids::random(QStringLiteral("chm_"));
    row.externalId = newMessageId(thread);
    row.detail.insert(QStringLiteral("text"), reply.content);
    store.channels().insertMessage(row);
}

void ChannelOutbox::toPerson(const ChannelThread &thread)
{
    // After the batch that holds the reply: the escalation is a write of its own.
    QMetaObject::invokeMethod(
        this,
        [this, thread] {
            const std::optional<Session> header = m_engine.sessionHeader(thread.sessionId);
            if (!header || header->currentTier == Tier::HumanAgent || header->status == SessionStatus::Resolved)
                return; // once: it is a person's already
            ChannelSessions::toPerson(m_engine, thread,
                QStringLiteral("A reply to %1 was held back: %2 automatic replies in the last hour, the most allowed")
                    .arg(thread.peer)
                    .arg(kMaxAutomaticPerHour));
        },
        Qt::QueuedConnection);
}

std::optional<OutgoingReply> ChannelOutbox::prepare(const ChannelMessageRow &row)
{
    Store &store = m_engine.core().store();
    const std::optional<ChannelThread> thread = store.channels().thread(row.sessionId);
    if (!thread)
        return std::nullopt;
    OutgoingReply out;
    out.row = row;
    out.thread = *thread;
    out.text = row.detail.value(QLatin1String("text")).toString();
    out.automatic = row.detail.value(QLatin1String("automatic")).toBool();
    if (isTextChannel(row.kind)) {
        const Result<TwilioSettings> twilio = m_accounts.twilio(row.companyId);
        if (!twilio)
            return std::nullopt;
        out.twilio = *twilio;
        if (m_statusCallbackUrl)
            out.statusCallback = m_statusCallbackUrl(row.companyId);
        return out;
    }
    const Result<MailboxSettings> mailbox = m_accounts.email(row.companyId);
    if (!mailbox)
        return std::nullopt;
    out.mailbox = *mailbox;
    // What it answers: the customer's newest mail before it; the thread's ids, oldest first.
    for (const ChannelMessageRow &m : store.channels().messagesOfSession(row.sessionId)) {
        if (m.createdAt > row.createdAt || m.externalId.isEmpty() || m.id == row.id)
            continue;
        out.references << m.externalId;
        if (m.direction == QLatin1String("in")) {
            out.inReplyTo = m.externalId;
            out.quotedText = m.detail.value(QLatin1String("text")).toString();
            out.quotedFrom = m.detail.value(QLatin1String("from")).toString();
            // "On <date>, <name> wrote:" in the writer's own time, as the customer's mail client showed it.
            out.quotedDate = QDateTime::fromString(m.detail.value(QLatin1String("date")).toString(), Qt::ISODate);
            if (!out.quotedDate.isValid())
                out.quotedDate = QDateTime::fromMSecsSinceEpoch(m.createdAt, Qt::UTC);
        }
    }
    const QString survey = row.detail.value(QLatin1String("survey")).toString();
    if (!survey.isEmpty() && !surveyMail(survey, out))
        return std::nullopt;
    return out;
}

bool ChannelOutbox::surveyMail(const QString &surveyId, OutgoingReply &out)
{
    const std::optional<Survey> survey = m_engine.core().store().surveys().find(surveyId);
    const QString base = m_surveyLinkBase ? m_surveyLinkBase() : QString();
    if (!survey || base.isEmpty())
        return false;
    const Result<Company> company = m_engine.company(survey->companyId);
    out.text = SatisfactionSurveys::mailText(*survey, base, company ? company->config.language : Language::En);
    out.quotedText.clear(); // a question of its own, not an answer to their last mail
    return true;
}

void ChannelOutbox::sendDue()
{
    Store &store = m_engine.core().store();
    const QList<ChannelMessageRow> due = store.channels().dueOutbound(m_engine.clock().nowMs(), kBatch);
    for (const ChannelMessageRow &row : due) {
        if (m_sending.contains(row.id))
            continue;
        std::optional<OutgoingReply> reply = prepare(row);
        if (!reply) {
            settle(row, makeError(ErrorKind::InvalidArgument, QStringLiteral("the company's channel is gone")));
            continue;
        }
        m_sending.insert(row.id);
        std::shared_ptr<ReplySender> sender = m_sender;
        QPointer<ChannelOutbox> self(this);
        m_pool.start([self, sender, reply = *reply] {
            const Result<QString> sent = sender->send(reply);
            QMetaObject::invokeMethod(self, [self, row = reply.row, sent] {
                if (self)
                    self->settle(row, sent);
            });
        });
    }
    if (m_sending.isEmpty())
        emit idle();
}

void ChannelOutbox::settle(const ChannelMessageRow &sentRow, const Result<QString> &sent)
{
    m_sending.remove(sentRow.id);
    Store &store = m_engine.core().store();
    std::optional<ChannelMessageRow> row = store.channels().message(sentRow.id);
    if (!row)
        return;
    const qint64 now = m_engine.clock().nowMs();
    row->attempts += 1;
    row->updatedAt = now;
    if (sent) {
        row->status = QStringLiteral("sent");
        if (!sent->isEmpty())
            row->externalId = *sent;
        row->detail.remove(QStringLiteral("error"));
    } else {
        const bool retry = sent.error().kind != ErrorKind::InvalidArgument && row->attempts < kMaxAttempts;
        row->status = retry ? kPendingStatus : QStringLiteral("failed");
        row->nextAttemptAt = retry ? now + backoffMs(row->attempts) : 0;
        row->detail.insert(QStringLiteral("error"), sent.error().message.left(500));
    }
    store.batch().run([&] { return bool(store.channels().updateMessage(*row)); });
    const QString companyId = row->companyId;
    const QString sessionId = row->sessionId;
    m_engine.afterCommit([self = QPointer<ChannelOutbox>(this), companyId, sessionId](bool committed) {
        if (!self || !committed)
            return;
        emit self->deliveryChanged(companyId, sessionId);
        if (self->m_sending.isEmpty())
            emit self->idle();
    });
}

} // namespace tierdesk
