// Mail in and replies out through the engine (channels/MailInbox, ChannelOutbox): threading by
// In-Reply-To, References and the subject's token; a Message-ID stored once; automatic mail and
// bounces never answered; a mail over the mailbox's limit. MIME is read for real (GMime); the
// sender is recorded here (the server tests send through a real SMTP server).
#include "core/engine/channels/Channels.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "tests/engine/EngineFixture.h"

#include <QMutex>

using namespace tierdesk;

namespace {

class RecordingSender : public ReplySender {
public:
    Result<QString> send(const OutgoingReply &reply) override
    {
        QMutexLocker lock(&mutex);
        sent << reply;
        return reply.row.externalId;
    }
    QList<OutgoingReply> taken()
    {
        QMutexLocker lock(&mutex);
        return sent;
    }
    QMutex mutex;
    QList<OutgoingReply> sent;
};

QByteArray rawMail(
    const QByteArray &headers, const QByteArray &body, const QByteArray &date = "Fri, 27 Nov 2026 09:00:00 +0000")
{
    return "From: Jane Doe <jane@example.org>\r\nTo: support@shop.example\r\nDate: " + date
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" + headers + "\r\n" + body;
}

} // namespace

class TestMailInbox : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::EngineFixture> fx;
    std::unique_ptr<CustomerDirectory> customers;
    std::shared_ptr<RecordingSender> sender;
    std::unique_ptr<Channels> channels;

    Result<MailInbox::Receipt> deliver(const QByteArray &raw)
    {
        const Result<MailInbox::Parsed> parsed
            = MailInbox::parse(raw, channels->accounts().email(fx->companyId)->maxBytes);
        if (!parsed)
            return parsed.error();
        std::optional<Result<MailInbox::Receipt>> result;
        channels->mail().receive(fx->companyId, *parsed, this, [&](Result<MailInbox::Receipt> r) { result = r; });
        fx->store->batch().flush();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return makeError(ErrorKind::Internal, QStringLiteral("no answer"));
        fx->store->batch().flush();
        return *result;
    }

    int aiReplies(const QString &sessionId)
    {
        return fx
            ->scalar(QStringLiteral(
                         "SELECT COUNT(*) FROM messages WHERE session_id = ? AND role IN ('ai_rep', 'ai_manager')"),
                {sessionId})
            .toInt();
    }

    void sendAll()
    {
        fx->store->batch().flush();
        channels->outbox().kick();
        channels->outbox().waitForSending();
        QCoreApplication::processEvents();
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
        MailboxSettings box;
        box.address = QStringLiteral("support@shop.example");
        box.name = QStringLiteral("Shop Support");
        box.smtp.url = QStringLiteral("smtp://127.0.0.1:2525");
        box.smtp.startTls = false;
        box.maxBytes = 1024 * 1024;
        bool created = false;
        QVERIFY2(channels->accounts().putEmail(fx->companyId, box, Actor{}, &created).ok(), "mailbox");
        fx->store->batch().flush();
    }

    void cleanup()
    {
        channels.reset();
        customers.reset();
        fx.reset();
    }

    void aMailOpensASessionAndItsRepliesThread()
    {
        const auto first = deliver(rawMail("Message-ID: <m1@example.org>\r\nSubject: Where is my order ORD-10001?\r\n",
            "Hello,\r\nwhere is my order ORD-10001?\r\n\r\n-- \r\nJane\r\n"));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QVERIFY(!first->duplicate);
        const QString sessionId = first->sessionId;
        QCOMPARE(fx->scalar(QStringLiteral("SELECT channel FROM sessions WHERE id = ?"), {sessionId}).toString(),
            QStringLiteral("email"));
        const QString customerId
            = fx->scalar(QStringLiteral("SELECT customer_id FROM sessions WHERE id = ?"), {sessionId}).toString();
        QCOMPARE(fx->scalar(QStringLiteral("SELECT name FROM customers WHERE id = ?"), {customerId}).toString(),
            QStringLiteral("Jane Doe"));
        QCOMPARE(fx->scalar(QStringLiteral("SELECT content FROM messages WHERE session_id = ? AND role = 'customer'"),
                       {sessionId})
                     .toString(),
            QStringLiteral("Hello,\nwhere is my order ORD-10001?")); // the signature is not the customer's words
        QTRY_COMPARE_WITH_TIMEOUT(aiReplies(sessionId), 1, 20000);
        sendAll();
        QCOMPARE(sender->taken().size(), 1);
        const OutgoingReply out = sender->taken().first();
        QCOMPARE(out.inReplyTo, QStringLiteral("m1@example.org"));
        QVERIFY(out.automatic);
        QVERIFY(out.row.externalId.endsWith(QLatin1String("@shop.example")));
        QCOMPARE(out.thread.subject, QStringLiteral("Where is my order ORD-10001?"));
        QCOMPARE(out.quotedText, QStringLiteral("Hello,\nwhere is my order ORD-10001?"));

        // The customer answers our reply (In-Reply-To), then Outlook-style (References only), then a copy
        // of that answer arrives again (reply-all, a CC): one session, each message once.
        const QByteArray ours = out.row.externalId.toUtf8();
        QCOMPARE(deliver(rawMail("Message-ID: <m2@example.org>\r\nIn-Reply-To: <" + ours
                                 + ">\r\nSubject: Re: Where is my order\r\n",
                             "Thanks!\r\n"))
                     ->sessionId,
            sessionId);
        QCOMPARE(deliver(rawMail("Message-ID: <m3@example.org>\r\nReferences: <m1@example.org> <" + ours
                                 + ">\r\nSubject: RE: order\r\n",
                             "One more thing.\r\n"))
                     ->sessionId,
            sessionId);
        const auto copy = deliver(rawMail("Message-ID: <m3@example.org>\r\nReferences: <m1@example.org>\r\nCc: "
                                          "team@shop.example\r\nSubject: RE: order\r\n",
            "One more thing.\r\n"));
        QVERIFY(copy->duplicate);
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'customer'"),
                       {sessionId})
                     .toInt(),
            3);

        // The subject's token threads a mail with no reference; a new subject without one, once the
        // sender's burst is over (channels/burstSeconds), is a new session.
        const QString token
            = fx->scalar(QStringLiteral("SELECT short_id FROM channel_threads WHERE session_id = ?"), {sessionId})
                  .toString();
        QCOMPARE(
            deliver(rawMail("Message-ID: <m4@example.org>\r\nSubject: Re: your order [#" + token.toLatin1() + "]\r\n",
                        "Hi again\r\n"))
                ->sessionId,
            sessionId);
        fx->clock.advanceSecs(ChannelSessions::kDefaultBurstMs / 1000 + 1);
        QVERIFY(deliver(rawMail("Message-ID: <m5@example.org>\r\nSubject: A new question\r\n",
                            "Do you ship to Canada?\r\n"))
                    ->sessionId
            != sessionId);
    }

    // A sender who floods the mailbox: 100 mails with 100 subjects in a minute are all stored, in one
    // conversation (the burst joins it), answered by the AI at most ten times, and the conversation
    // goes to a person once; the AI stops there, so it calls no model for the rest.
    void aFloodOfNewSubjectsIsOneConversationAnsweredTenTimes()
    {
        QString sessionId;
        for (int i = 0; i < 100; ++i) {
            const auto r = deliver(rawMail("Message-ID: <flood" + QByteArray::number(i)
                    + "@example.org>\r\nSubject: Question " + QByteArray::number(i) + "\r\n",
                "Do you ship to Canada? (" + QByteArray::number(i) + ")\r\n"));
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            if (i == 0)
                sessionId = r->sessionId;
            QCOMPARE(r->sessionId, sessionId);
            fx->clock.advanceMs(500); // 100 mails in 50 s
        }
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE channel = 'email'")).toInt(), 1);
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'customer'"),
                       {sessionId})
                     .toInt(),
            100);
        QCOMPARE(aiReplies(sessionId), ChannelSessions::kMaxAnswersPerHour);
        sendAll();
        QVERIFY(sender->taken().size() <= ChannelOutbox::kMaxAutomaticPerHour);
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM escalations WHERE session_id = ? AND to_tier = "
                                           "'HUMAN_AGENT'"),
                       {sessionId})
                     .toInt(),
            1); // one desk item
        QCOMPARE(fx->scalar(QStringLiteral("SELECT current_tier FROM sessions WHERE id = ?"), {sessionId}).toString(),
            QStringLiteral("HUMAN_AGENT"));
        const QString notes = fx->scalar(QStringLiteral("SELECT notes FROM escalations WHERE session_id = ? AND "
                                                        "to_tier = 'HUMAN_AGENT'"),
                                    {sessionId})
                                  .toString();
        QVERIFY2(notes.contains(QLatin1String("Held back")) && notes.contains(QLatin1String("jane@example.org")),
            qPrintable(notes));

        // The burst is over and the hour too: a new subject is a new conversation the AI answers again.
        fx->clock.advanceSecs(3600);
        const auto later = deliver(rawMail("Message-ID: <later@example.org>\r\nSubject: Something else\r\n", "Hi\r\n"));
        QVERIFY(later.ok() && later->sessionId != sessionId);
        QTRY_COMPARE_WITH_TIMEOUT(aiReplies(later->sessionId), 1, 20000);
    }

    // "On <date>, Jane wrote:" is the customer's own time: the Date of the mail answered, at its
    // writer's offset, not when it reached us.
    void theReplyQuotesTheMailAtItsWritersTime()
    {
        const auto in = deliver(rawMail("Message-ID: <ny1@example.org>\r\nSubject: Wrong size\r\n",
            "The boots are too small.\r\n", "Thu, 26 Nov 2026 18:30:00 -0500"));
        QVERIFY2(in.ok(), qPrintable(in.ok() ? QString() : in.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(aiReplies(in->sessionId), 1, 20000);
        sendAll();
        QCOMPARE(sender->taken().size(), 1);
        const QDateTime quoted = sender->taken().first().quotedDate;
        QCOMPARE(quoted.offsetFromUtc(), -5 * 3600);
        QCOMPARE(quoted.date(), QDate(2026, 11, 26));
        QCOMPARE(quoted.time(), QTime(18, 30));
    }

    void automaticMailIsStoredAndNeverAnswered()
    {
        const auto autoReply = deliver(
            rawMail("Message-ID: <a1@example.org>\r\nAuto-Submitted: auto-replied\r\nSubject: Out of office\r\n",
                "I am away until Monday.\r\n"));
        QVERIFY(autoReply.ok());
        const auto list = deliver(rawMail(
            "Message-ID: <a2@example.org>\r\nList-Id: <news.example.org>\r\nSubject: Newsletter\r\n", "Our news.\r\n"));
        QVERIFY(list.ok());
        fx->store->batch().flush();
        QCOMPARE(aiReplies(autoReply->sessionId), 0);
        QCOMPARE(aiReplies(list->sessionId), 0);
        const QString meta
            = fx->scalar(QStringLiteral("SELECT metadata FROM messages WHERE session_id = ? AND role = 'customer'"),
                    {autoReply->sessionId})
                  .toString();
        QVERIFY2(meta.contains(QLatin1String("Auto-Submitted")), qPrintable(meta));
        sendAll();
        QCOMPARE(sender->taken().size(), 0);
    }

    void aBounceMarksTheReplyUndelivered()
    {
        const auto first = deliver(rawMail(
            "Message-ID: <b1@example.org>\r\nSubject: Refund please\r\n", "Can I get a refund for ORD-10001?\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(aiReplies(first->sessionId), 1, 20000);
        sendAll();
        const QByteArray ours = sender->taken().first().row.externalId.toUtf8();
        const QByteArray bounce
            = "From: MAILER-DAEMON@mx.example.org\r\nTo: support@shop.example\r\nMessage-ID: "
              "<bounce1@mx.example.org>\r\n"
              "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
              "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
              "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
              "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
              "Final-Recipient: rfc822; jane@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
              "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n"
              "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <"
            + ours
            + ">\r\nSubject: Re: Refund please\r\n"
              "--B--\r\n";
        QVERIFY(deliver(bounce).ok());
        QCOMPARE(fx->scalar(QStringLiteral("SELECT status FROM channel_messages WHERE external_id = ?"),
                       {QString::fromUtf8(ours)})
                     .toString(),
            QStringLiteral("undelivered"));
        QCOMPARE(aiReplies(first->sessionId), 1); // the bounce was not answered
    }

    void aMailOverTheLimitIsNotImportedWhole()
    {
        QByteArray big = rawMail(
            "Message-ID: <big@example.org>\r\nSubject: Photos of the damage\r\n", QByteArray(2 * 1024 * 1024, 'x'));
        const auto receipt = deliver(big);
        QVERIFY(receipt.ok());
        const QString text
            = fx->scalar(QStringLiteral("SELECT content FROM messages WHERE session_id = ? AND role = 'customer'"),
                    {receipt->sessionId})
                  .toString();
        QVERIFY2(text.contains(QLatin1String("over the mailbox's limit")), qPrintable(text));
        QVERIFY(text.startsWith(QLatin1String("Photos of the damage")));
        QVERIFY(fx->scalar(QStringLiteral("SELECT MAX(bytes) FROM channel_files")).toLongLong()
            < 64 * 1024); // its headers only
    }
};

QTEST_GUILESS_MAIN(TestMailInbox)
#include "tst_mailinbox.moc"
