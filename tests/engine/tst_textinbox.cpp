// Texts in and replies out through the engine (channels/): the Twilio door is faked here by calling
// the inbox as its webhook does, and the sender by a recorder; tst_twilioroutes and the server
// tests do it over real HTTP.
#include "core/engine/channels/Channels.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "tests/engine/EngineFixture.h"

#include <QMutex>

using namespace tierdesk;

namespace {

const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kNumber = QStringLiteral("+15550100");

// Records what would leave, answers with a made-up MessageSid (or the error it is told to).
class RecordingSender : public ReplySender {
public:
    Result<QString> send(const OutgoingReply &reply) override
    {
        QMutexLocker lock(&mutex);
        sent << reply;
        if (failWith)
            return *failWith;
        return QStringLiteral("SM%1").arg(sent.size(), 32, 10, QLatin1Char('0'));
    }
    QList<OutgoingReply> taken()
    {
        QMutexLocker lock(&mutex);
        return sent;
    }
    QMutex mutex;
    QList<OutgoingReply> sent;
    std::optional<Error> failWith;
};

} // namespace

class TestTextInbox : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::EngineFixture> fx;
    std::unique_ptr<CustomerDirectory> customers;
    std::shared_ptr<RecordingSender> sender;
    std::unique_ptr<Channels> channels;

    InboundText text(const QString &sid, const QString &from, const QString &body)
    {
        return InboundText{fx->companyId, sid, from, kNumber, body, QString(), {}};
    }

    Status receive(const InboundText &t)
    {
        std::optional<Status> result;
        channels->texts().receive(t, this, [&](Status s) { result = s; });
        fx->store->batch().flush();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return makeError(ErrorKind::Internal, QStringLiteral("no answer"));
        return *result;
    }

    // Every reply written so far handed to the sender and settled.
    void sendAll()
    {
        channels->outbox().kick();
        channels->outbox().waitForSending();
        QCoreApplication::processEvents(); // the settling, back on this thread
        fx->store->batch().flush();
    }

private slots:
    void init()
    {
        fx = std::make_unique<test::EngineFixture>();
        QVERIFY(fx->setUp());
        customers = std::make_unique<CustomerDirectory>(*fx->engine);
        sender = std::make_shared<RecordingSender>();
        channels = std::make_unique<Channels>(*fx->engine, *customers, sender);
        channels->outbox().setStatusCallbackUrl([](const QString &companyId) {
            return QStringLiteral("https://desk.example.com/api/v1/twilio/%1/status").arg(companyId);
        });
        TwilioSettings account{kSid, QStringLiteral("0123456789abcdef0123456789abcdef"),
            {kNumber, QStringLiteral("whatsapp:") + kNumber}, QStringLiteral("https://api.twilio.com")};
        bool created = false;
        QVERIFY(channels->accounts().putTwilio(fx->companyId, account, Actor{}, &created).ok());
        QVERIFY(created);
        fx->store->batch().flush();
    }

    void cleanup()
    {
        channels.reset();
        customers.reset();
        fx.reset();
    }

    void anSmsOpensASessionAndTheAnswerGoesBack()
    {
        QVERIFY(receive(text(QStringLiteral("SMa1"), QStringLiteral("+15557654321"),
                            QStringLiteral("Where is my order ORD-10001?")))
                    .ok());
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE channel = 'sms'")).toInt(), 1);
        const QString sessionId
            = fx->scalar(QStringLiteral("SELECT id FROM sessions WHERE channel = 'sms'")).toString();
        // The customer is a new one with the number, the message the customer's.
        const QString customerId
            = fx->scalar(QStringLiteral("SELECT customer_id FROM sessions WHERE id = ?"), {sessionId}).toString();
        QCOMPARE(fx->scalar(QStringLiteral("SELECT phone FROM customers WHERE id = ?"), {customerId}).toString(),
            QStringLiteral("+15557654321"));
        QTRY_VERIFY_WITH_TIMEOUT(
            fx->scalar(
                  QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'ai_rep'"), {sessionId})
                    .toInt()
                == 1,
            20000);
        fx->store->batch().flush();
        sendAll();
        const QList<OutgoingReply> out = sender->taken();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().thread.peer, QStringLiteral("+15557654321"));
        QCOMPARE(out.first().thread.own, kNumber);
        QCOMPARE(out.first().twilio.accountSid, kSid);
        QCOMPARE(out.first().statusCallback,
            QStringLiteral("https://desk.example.com/api/v1/twilio/%1/status").arg(fx->companyId));
        QVERIFY(!out.first().text.contains(QLatin1String("**"))); // no markdown on a phone
        const QList<ChannelMessageRow> rows = channels->deliveries(fx->companyId, sessionId);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).direction, QStringLiteral("in"));
        QCOMPARE(rows.at(0).status, QStringLiteral("stored"));
        QCOMPARE(rows.at(1).status, QStringLiteral("sent"));
        QVERIFY(rows.at(1).externalId.startsWith(QLatin1String("SM")));

        // Twilio's report marks it delivered; looking again sends nothing twice.
        channels->texts().status({fx->companyId, rows.at(1).externalId, QStringLiteral("delivered"), QString()});
        fx->store->batch().flush();
        QCOMPARE(channels->deliveries(fx->companyId, sessionId).at(1).status, QStringLiteral("delivered"));
        sendAll();
        QCOMPARE(sender->taken().size(), 1);

        // The next text joins the same open conversation.
        QVERIFY(receive(text(QStringLiteral("SMa2"), QStringLiteral("+15557654321"), QStringLiteral("thanks"))).ok());
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE channel = 'sms'")).toInt(), 1);
    }

    void aCommittedReplyIsSentWithoutWaitingForTheTick()
    {
        // A channel session's reply kicks the outbox (the timer's look is an hour away here).
        channels->outbox().start(3600 * 1000);
        QVERIFY(receive(text(QStringLiteral("SMk1"), QStringLiteral("+15557654000"), QStringLiteral("hello"))).ok());
        QTRY_COMPARE_WITH_TIMEOUT(sender->taken().size(), 1, 20000);
        // A chat's reply is none of the outbox's: nothing more leaves.
        QVERIFY(fx->open(QStringLiteral("cust_001"), QStringLiteral("hello")).ok());
        fx->store->batch().flush();
        channels->outbox().waitForSending();
        QCOMPARE(sender->taken().size(), 1);
    }

    void aRepeatedMessageSidIsStoredOnce()
    {
        const InboundText t = text(QStringLiteral("SMdup"), QStringLiteral("+15557650000"), QStringLiteral("hello"));
        QVERIFY(receive(t).ok());
        QVERIFY(receive(t).ok()); // Twilio sent it again: answered 200, not stored again
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN sessions s ON s.id = m.session_id"
                                           " WHERE s.channel = 'sms' AND m.role = 'customer'"))
                     .toInt(),
            1);
        QCOMPARE(
            fx->scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE external_id = 'SMdup'")).toInt(), 1);
    }

    void aTextReceivedButNotPostedIsPostedAtStart()
    {
        // A crash between storing a text and posting it: its row is "received", the text in its detail.
        ChannelMessageRow row;
        row.id = QStringLiteral("chm_crashsms");
        row.companyId = fx->companyId;
        row.direction = QStringLiteral("in");
        row.kind = QStringLiteral("whatsapp");
        row.externalId = QStringLiteral("SMcrash");
        row.peer = QStringLiteral("whatsapp:+15557654444");
        row.status = QStringLiteral("received");
        row.detail = {{QStringLiteral("to"), QString(QStringLiteral("whatsapp:") + kNumber)},
            {QStringLiteral("body"), QStringLiteral("Is ORD-10002 on its way?")},
            {QStringLiteral("profileName"), QStringLiteral("Rosa")},
            {QStringLiteral("media"), QStringList{QStringLiteral("https://api.twilio.com/media/ME1")}}};
        row.createdAt = row.updatedAt = fx->engine->clock().nowMs();
        QVERIFY(fx->store->channels().insertMessage(row).ok());
        // Twilio, not having heard back, sends it again: answered as stored, not stored twice.
        InboundText again = text(row.externalId, row.peer, QStringLiteral("Is ORD-10002 on its way?"));
        again.to = QStringLiteral("whatsapp:") + kNumber;
        QVERIFY(receive(again).ok());
        QCOMPARE(channels->texts().unposted(), QStringList{row.id});
        channels->start();
        QTRY_COMPARE_WITH_TIMEOUT(
            fx->scalar(QStringLiteral("SELECT status FROM channel_messages WHERE id = 'chm_crashsms'")).toString(),
            QStringLiteral("stored"), 20000);
        const QString session
            = fx->scalar(QStringLiteral("SELECT session_id FROM channel_messages WHERE id = 'chm_crashsms'"))
                  .toString();
        QCOMPARE(fx->scalar(QStringLiteral("SELECT content FROM messages WHERE session_id = ? AND role = 'customer'"),
                       {session})
                     .toString(),
            QStringLiteral("Is ORD-10002 on its way?"));
        QCOMPARE(fx->scalar(QStringLiteral("SELECT name FROM customers WHERE phone = '+15557654444'")).toString(),
            QStringLiteral("Rosa"));
        QVERIFY(channels->texts().unposted().isEmpty());
    }

    void whatsAppIsAChatWithItsSource()
    {
        InboundText t
            = text(QStringLiteral("SMw1"), QStringLiteral("whatsapp:+15557651111"), QStringLiteral("hi there"));
        t.to = QStringLiteral("whatsapp:") + kNumber;
        t.profileName = QStringLiteral("Ana");
        QVERIFY(receive(t).ok());
        QCOMPARE(fx->scalar(QStringLiteral("SELECT channel FROM sessions WHERE metadata LIKE '%whatsapp%'")).toString(),
            QStringLiteral("chat"));
        QCOMPARE(fx->scalar(QStringLiteral("SELECT name FROM customers WHERE phone = '+15557651111'")).toString(),
            QStringLiteral("Ana"));
    }

    void aTextToAnotherNumberIsRefused()
    {
        InboundText t = text(QStringLiteral("SMx"), QStringLiteral("+15557652222"), QStringLiteral("hi"));
        t.to = QStringLiteral("+15559999999");
        const Status s = receive(t);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages")).toInt(), 0);
    }

    void aRefusedReplyFailsAndAnUnreachableOneIsTriedAgain()
    {
        sender->failWith = makeError(ErrorKind::Unavailable, QStringLiteral("Twilio answered 503"));
        QVERIFY(receive(text(QStringLiteral("SMr1"), QStringLiteral("+15557653333"), QStringLiteral("hello"))).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            fx->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE role = 'ai_rep'")).toInt() >= 1, 20000);
        fx->store->batch().flush();
        sendAll();
        QCOMPARE(fx->scalar(QStringLiteral("SELECT status FROM channel_messages WHERE direction = 'out'")).toString(),
            QStringLiteral("pending"));
        QCOMPARE(
            fx->scalar(QStringLiteral("SELECT attempts FROM channel_messages WHERE direction = 'out'")).toInt(), 1);
        // Not due again until its backoff has passed.
        sendAll();
        QCOMPARE(sender->taken().size(), 1);
        fx->clock.advanceMs(ChannelOutbox::backoffMs(1));
        sender->failWith = makeError(ErrorKind::InvalidArgument, QStringLiteral("Twilio error 21211: invalid To"));
        sendAll();
        QCOMPARE(sender->taken().size(), 2);
        QCOMPARE(fx->scalar(QStringLiteral("SELECT status FROM channel_messages WHERE direction = 'out'")).toString(),
            QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestTextInbox)
#include "tst_textinbox.moc"
