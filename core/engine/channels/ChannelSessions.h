#pragma once

#include "core/domain/ChannelRecords.h"
#include "core/domain/MessageMeta.h"
#include "core/engine/SessionEngine.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace tierdesk {

class CustomerDirectory;

// Where a mail or a text goes in the engine: its customer (found by address or number, else a new
// one), its thread (a session that came by mail or text), and its message posted as the
// customer's, exactly as a chat's. Shared by the inboxes of every channel. Engine thread.
//
// One sender cannot turn the AI into a flood: what they send within the burst window joins the
// conversation they are in (burstThread; threads being opened for them are waited for, not opened
// twice), and once the AI has answered them kMaxAnswersPerHour times in an hour (or that many turns
// are under way), their conversation goes to a person, once, with the reason: the AI answers no more,
// so it calls the company's model no more either.
class ChannelSessions {
public:
    static constexpr int kShortIdChars = 8;
    static constexpr int kMaxAnswersPerHour = 10; // the AI's answers to one address or number an hour
    static constexpr qint64 kDefaultBurstMs = 60000; // channels/burstSeconds

    ChannelSessions(SessionEngine &engine, CustomerDirectory &customers) : m_engine(engine), m_customers(customers) { }

    struct Sender {
        QString kind; // email, sms or whatsapp
        QString peer; // address or number as the channel writes it ("whatsapp:+1...")
        QString name; // a display name, when the channel gave one
        QString email; // what identifies the customer: one of the two
        QString phone;
    };
    // The company's customer with that address or number, else a new one with it.
    Result<Customer> customerFor(const QString &companyId, const Sender &sender);

    struct NewThread {
        QString companyId;
        Sender sender;
        QString own; // the company's address or number written to
        QString subject;
        Channel channel = Channel::Chat;
        QVariantMap metadata;
    };
    using ThreadDone = std::function<void(Result<ChannelThread>)>;
    // Opens a session for the sender and stores its thread; done on the engine thread.
    void openThread(const NewThread &request, QObject *context, ThreadDone done);

    // A thread for a session that came another way (a web chat going on by e-mail), stored in the
    // caller's batch; `thread`'s session, company, kind, peer, own address and subject are given.
    Result<ChannelThread> addThread(ChannelThread thread);

    // Posts `text` as the customer's message of the thread's session; marks the inbound row
    // `inboundRowId` stored with the message's id once committed. done(the message's id).
    void post(const ChannelThread &thread, const QString &text, const MessageMeta &meta, const QString &inboundRowId,
        QObject *context, std::function<void(Result<QString>)> done);

    // The actor a channel's customer messages are recorded by.
    static Actor actorFor(const QString &kind, const QString &peer);
    // The thread's conversation to the human tier (TECHNICAL_LIMITATION, `why` its notes), as what
    // floods the AI is held back; logged when it cannot be.
    static bool toPerson(SessionEngine &engine, const ChannelThread &thread, const QString &why);

    // channels/burstSeconds: how close together a sender's new conversations join into one.
    void setBurstMs(qint64 ms) { m_burstMs = ms; }
    // The sender's open thread of `kind` they wrote in within the burst window, if any.
    std::optional<ChannelThread> burstThread(const QString &companyId, const QString &kind, const QString &peer);

private:
    QString freeShortId(const QString &companyId);
    void createThread(const NewThread &request, QObject *context, const QString &key);
    // Whether the AI answers the thread's next message: not while a person has it; over the hourly
    // bound its conversation goes to a person (once) instead.
    bool aiAnswersNext(const ChannelThread &thread);
    static QString senderKey(const QString &companyId, const QString &peer)
    {
        return companyId + QLatin1Char('\n') + peer;
    }

    SessionEngine &m_engine;
    CustomerDirectory &m_customers;
    qint64 m_burstMs = kDefaultBurstMs;
    QHash<QString, QList<ThreadDone>> m_opening; // threads being opened, by company, kind and peer: who waits
    QHash<QString, int> m_turnsUnderWay; // messages posted for the AI to answer, not done yet, by sender
};

} // namespace tierdesk
