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
    Result<Customer> customer = customerFor(r.companyId, r.sender);
    if (!customer) {
        done(customer.error());
        return;
    }
    CreateSessionRequest req{r.companyId, customer->id, r.channel, QString(), std::nullopt, r.metadata};
    const Actor actor = actorFor(r.sender.kind, r.sender.peer);
    QPointer<QObject> guard(context);
    m_engine.createSession(req, actor, context,
        [this, r, guard, done = std::move(done)](Result<Session> session, std::optional<MessageOutcome>) {
            if (!guard)
                return;
            if (!session) {
                done(session.error());
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
                done(stored.error());
                return;
            }
            done(thread);
        });
}

void ChannelSessions::post(const ChannelThread &thread, const QString &text, const MessageMeta &meta,
    const QString &inboundRowId, QObject *context, std::function<void(Result<QString>)> done)
{
    QPointer<QObject> guard(context);
    const QString sessionId = thread.sessionId;
    m_engine.postMessage(
        thread.companyId, sessionId, text, actorFor(thread.kind, thread.peer), context,
        [this, guard, sessionId, inboundRowId, done = std::move(done)](Result<MessageOutcome> outcome) {
            if (!guard)
                return;
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
