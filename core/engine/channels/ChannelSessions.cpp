#include "core/engine/channels/ChannelSessions.h"

#include "core/common/Ids.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "core/store/Store.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace tierdesk {
namespace {

// A new customer's name: the one the channel gave, else one read from the address's local part
// ("jane.doe@" is Jane Doe), never the number or the address itself (replies greet by name).
QString nameOf(const ChannelSessions::Sender &sender)
{
    if (!sender.name.trimmed().isEmpty())
        return sender.name.trimmed().left(200);
    QStringList words = sender.email.section(QLatin1Char('@'), 0, 0)
                            .split(QRegularExpression(QStringLiteral("[._+-]+")), Qt::SkipEmptyParts);
    words.erase(std::remove_if(words.begin(), words.end(),
                    [](const QString &w) { return w.contains(QRegularExpression(QStringLiteral("\\d"))); }),
        words.end());
    if (words.isEmpty())
        return QStringLiteral("Customer");
    for (QString &w : words)
        w = w.left(1).toUpper() + w.mid(1).toLower();
    return words.join(QLatin1Char(' ')).left(200);
}

} // namespace

Actor ChannelSessions::actorFor(const QString &kind, const QString &peer)
{
    return Actor(kind + QLatin1Char(':') + peer, QStringLiteral("customer"));
}

Result<Customer> ChannelSessions::customerFor(const QString &companyId, const Sender &sender)
{
    std::optional<Customer> known = sender.email.isEmpty() ? m_customers.byPhone(companyId, sender.phone)
                                                           : m_customers.byEmail(companyId, sender.email);
    if (known)
        return *known;
    QJsonObject fields{{QStringLiteral("name"), nameOf(sender)}};
    if (!sender.email.isEmpty())
        fields.insert(QStringLiteral("email"), sender.email);
    if (!sender.phone.isEmpty())
        fields.insert(QStringLiteral("phone"), sender.phone);
    const Actor actor = actorFor(sender.kind, sender.peer);
    Result<CustomerDirectory::Stored> stored
        = m_customers.put(companyId, ids::random(QStringLiteral("cust_")), fields, actor);
    if (!stored)
        return stored.error();
    return stored->customer;
}

QString ChannelSessions::freeShortId(const QString &companyId)
{
    // Letters and digits people read without confusing them (no 0/O, 1/I).
    static const QString alphabet = QStringLiteral("23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
    for (;;) {
        QString id;
        for (int i = 0; i < kShortIdChars; ++i)
            id += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
        if (!m_engine.core().store().channels().threadByShortId(companyId, id))
            return id;
    }
}

Result<ChannelThread> ChannelSessions::addThread(ChannelThread thread)
{
    thread.subject = thread.subject.left(500);
    thread.shortId = freeShortId(thread.companyId);
    thread.createdAt = thread.activeAt = m_engine.clock().nowMs();
    if (const Status stored = m_engine.core().store().channels().putThread(thread); !stored)
        return stored.error();
    return thread;
}

void ChannelSessions::openThread(const NewThread &r, QObject *context, ThreadDone done)
{
    // A burst from one sender opens one thread: who asks while it is being opened gets that one.
    const QString key = r.companyId + QLatin1Char('\n') + r.sender.kind + QLatin1Char('\n') + r.sender.peer;
    if (const auto waiting = m_opening.find(key); waiting != m_opening.end()) {
        waiting->append(std::move(done));
        return;
    }
    m_opening.insert(key, {std::move(done)});
    createThread(r, context, key);
}

void ChannelSessions::createThread(const NewThread &r, QObject *context, const QString &key)
{
    const auto finish = [this, key](const Result<ChannelThread> &thread) {
        for (const ThreadDone &done : m_opening.take(key))
            done(thread);
    };
    Result<Customer> customer = customerFor(r.companyId, r.sender);
    if (!customer) {
        finish(customer.error());
        return;
    }
    CreateSessionRequest req{r.companyId, customer->id, r.channel, QString(), std::nullopt, r.metadata};
    const Actor actor = actorFor(r.sender.kind, r.sender.peer);
    QPointer<QObject> guard(context);
    m_engine.createSession(
        req, actor, context, [this, r, guard, finish](Result<Session> session, std::optional<MessageOutcome>) {
            if (!guard) // the inbox is gone, and with it (both are the Channels') whoever waited
                return;
            if (!session) {
                finish(session.error());
                return;
            }
            const qint64 now = m_engine.clock().nowMs();
            ChannelThread thread{session->id, r.companyId, r.sender.kind, r.sender.peer, r.sender.name, r.own,
                r.subject.left(500), freeShortId(r.companyId), now, now};
            Store &store = m_engine.core().store();
            Status stored = Ok{};
            store.batch().run([&] {
                stored = store.channels().putThread(thread);
                return bool(stored);
            });
            if (!stored) {
                finish(stored.error());
                return;
            }
            finish(thread);
        });
}

std::optional<ChannelThread> ChannelSessions::burstThread(
    const QString &companyId, const QString &kind, const QString &peer)
{
    if (m_burstMs <= 0)
        return std::nullopt;
    const std::optional<ChannelThread> open = m_engine.core().store().channels().openThread(companyId, kind, peer);
    if (!open || open->activeAt < m_engine.clock().nowMs() - m_burstMs)
        return std::nullopt;
    return open;
}

bool ChannelSessions::aiAnswersNext(const ChannelThread &thread)
{
    const std::optional<Session> header = m_engine.sessionHeader(thread.sessionId);
    if (!header || header->currentTier == Tier::HumanAgent)
        return false;
    if (header->status == SessionStatus::Resolved)
        return true;
    const qint64 hourAgo = m_engine.clock().nowMs() - 3600LL * 1000;
    const int answers = m_engine.core().store().channels().aiRepliesTo(thread.companyId, thread.peer, hourAgo)
        + m_turnsUnderWay.value(senderKey(thread.companyId, thread.peer));
    if (answers < kMaxAnswersPerHour)
        return true;
    return !toPerson(m_engine, thread,
        QStringLiteral("Held back from the AI: it answered %1 %2 times in the last hour, the most it may")
            .arg(thread.peer)
            .arg(kMaxAnswersPerHour));
}

bool ChannelSessions::toPerson(SessionEngine &engine, const ChannelThread &thread, const QString &why)
{
    const Result<Session> escalated = engine.escalate(thread.companyId, thread.sessionId,
        EscalationReason::TechnicalLimitation, Tier::HumanAgent, why, actorFor(thread.kind, thread.peer));
    if (!escalated)
        qWarning("the conversation %s could not go to a person: %s", qPrintable(thread.sessionId),
            qPrintable(escalated.error().message));
    return escalated.ok();
}

void ChannelSessions::post(const ChannelThread &thread, const QString &text, const MessageMeta &meta,
    const QString &inboundRowId, QObject *context, std::function<void(Result<QString>)> done)
{
    const bool aiAnswers = aiAnswersNext(thread);
    const QString sender = senderKey(thread.companyId, thread.peer);
    if (aiAnswers)
        ++m_turnsUnderWay[sender];
    QPointer<QObject> guard(context);
    const QString sessionId = thread.sessionId;
    m_engine.postMessage(
        thread.companyId, sessionId, text, actorFor(thread.kind, thread.peer), context,
        [this, guard, sessionId, inboundRowId, sender, aiAnswers, done = std::move(done)](
            Result<MessageOutcome> outcome) {
            if (!guard)
                return;
            if (aiAnswers && --m_turnsUnderWay[sender] <= 0)
                m_turnsUnderWay.remove(sender);
            if (!outcome) {
                done(outcome.error());
                return;
            }
            const QString messageId = outcome->customerMessage.id;
            Store &store = m_engine.core().store();
            std::optional<ChannelMessageRow> row = store.channels().message(inboundRowId);
            const qint64 now = m_engine.clock().nowMs();
            store.batch().run([&] {
                if (row) {
                    row->messageId = messageId;
                    row->sessionId = sessionId;
                    row->status = QStringLiteral("stored");
                    row->updatedAt = now;
                    if (!store.channels().updateMessage(*row))
                        return false;
                }
                return bool(store.channels().touchThread(sessionId, now));
            });
            done(messageId);
        },
        meta);
}

} // namespace tierdesk
