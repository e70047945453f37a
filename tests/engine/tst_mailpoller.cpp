// The mailbox poller (channels/MailPoller) against a scripted mailbox (a fake MailReader, so the
// cases a real server rarely shows are shown on demand): UIDVALIDITY changing, a poll asked for
// while one runs, mails the poller must skip, a mail over the limit fetched by its headers, a team
// instance that does not run the timers, and mail a restart left received but not posted.
// The real IMAP server is in tests/api/tst_csapi_mail.cpp.
#include "core/engine/channels/Channels.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "tests/engine/EngineFixture.h"

#include <QMutex>
#include <QSemaphore>

using namespace tierdesk;

namespace {

class NoSender : public ReplySender {
public:
    Result<QString> send(const OutgoingReply &reply) override { return reply.row.externalId; }
};

// The mailbox's state, shared by the readers the poller makes (on its worker threads).
struct ScriptedMailbox {
    QMutex mutex;
    QMap<qint64, QByteArray> mails; // by UID
    qint64 uidValidity = 7;
    QSet<qint64> seen;
    QSet<qint64> unreadable; // fetch() says InvalidArgument
    int opens = 0;
    QSemaphore *openGate = nullptr; // open() waits for a release when set
    QList<qint64> headerFetches;
};

class ScriptedReader : public MailReader {
public:
    explicit ScriptedReader(std::shared_ptr<ScriptedMailbox> box) : m_box(std::move(box)) { }

    Result<qint64> open() override
    {
        if (m_box->openGate)
            m_box->openGate->acquire();
        QMutexLocker lock(&m_box->mutex);
        ++m_box->opens;
        return m_box->uidValidity;
    }
    Result<QList<qint64>> uidsFrom(qint64 firstUid) override
    {
        QMutexLocker lock(&m_box->mutex);
        QList<qint64> out;
        for (auto it = m_box->mails.lowerBound(firstUid); it != m_box->mails.end() && out.size() < 3; ++it)
            out << it.key(); // three at a time: the poller must ask again
        return out;
    }
    Result<QByteArray> fetch(qint64 uid, qint64 maxBytes) override
    {
        QMutexLocker lock(&m_box->mutex);
        if (m_box->unreadable.contains(uid))
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("unreadable"));
        if (!m_box->mails.contains(uid))
            return makeError(ErrorKind::NotFound, QStringLiteral("no such message"));
        if (m_box->mails.value(uid).size() > maxBytes)
            return makeError(ErrorKind::LimitExceeded, QStringLiteral("too large"));
        return m_box->mails.value(uid);
    }
    Result<qint64> sizeOf(qint64 uid) override
    {
        QMutexLocker lock(&m_box->mutex);
        return qint64(m_box->mails.value(uid).size());
    }
    Result<QByteArray> fetchHeaders(qint64 uid) override
    {
        QMutexLocker lock(&m_box->mutex);
        m_box->headerFetches << uid;
        const QByteArray m = m_box->mails.value(uid);
        return m.left(m.indexOf("\r\n\r\n") + 4);
    }
    Status markSeen(qint64 uid) override
    {
        QMutexLocker lock(&m_box->mutex);
        m_box->seen.insert(uid);
        return Ok{};
    }

private:
    std::shared_ptr<ScriptedMailbox> m_box;
};

QByteArray rawMail(const QByteArray &id, const QByteArray &body = "Where is my order?\r\n")
{
    return "From: Jane Doe <jane@example.org>\r\nTo: support@shop.example\r\nMessage-ID: <" + id
        + ">\r\nSubject: Question " + id + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + body;
}

} // namespace

class TestMailPoller : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::EngineFixture> fx;
    std::unique_ptr<CustomerDirectory> customers;
    std::shared_ptr<ScriptedMailbox> box;
    std::unique_ptr<Channels> channels;

    Result<qint64> pollNow()
    {
        std::optional<Result<qint64>> result;
        channels->poller().pollNow(fx->companyId, this, [&](Result<qint64> r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return makeError(ErrorKind::Internal, QStringLiteral("no answer"));
        fx->store->batch().flush();
        return *result;
    }
    int storedMails()
    {
        return fx->scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE direction = 'in'")).toInt();
    }
    EmailMailboxState state() { return *channels->accounts().emailState(fx->companyId); }
    QSet<qint64> seen()
    {
        QMutexLocker lock(&box->mutex);
        return box->seen;
    }

private slots:
    void init()
    {
        fx = std::make_unique<test::EngineFixture>();
        QVERIFY(fx->setUp());
        customers = std::make_unique<CustomerDirectory>(*fx->engine);
        box = std::make_shared<ScriptedMailbox>();
        channels = std::make_unique<Channels>(*fx->engine, *customers, std::make_shared<NoSender>(),
            [b = box](const MailboxSettings &) -> Result<std::shared_ptr<MailReader>> {
                return std::shared_ptr<MailReader>(std::make_shared<ScriptedReader>(b));
            });
        MailboxSettings mailbox;
        mailbox.address = QStringLiteral("support@shop.example");
        mailbox.imap.url = QStringLiteral("imap://127.0.0.1:1143");
        mailbox.imap.username = QStringLiteral("desk");
        mailbox.imap.password = QStringLiteral("secret");
        mailbox.imap.pollSeconds = MailboxSettings::kMaxPollSeconds;
        mailbox.smtp.url = QStringLiteral("smtp://127.0.0.1:2525");
        mailbox.smtp.startTls = false;
        mailbox.maxBytes = 64 * 1024;
        bool created = false;
        QVERIFY(channels->accounts().putEmail(fx->companyId, mailbox, Actor{}, &created).ok());
        fx->store->batch().flush();
    }

    void cleanup()
    {
        channels.reset();
        customers.reset();
        fx.reset();
    }

    void importsInUidOrderAndRemembers()
    {
        for (qint64 uid : {3, 5, 8, 9, 12, 20, 21})
            box->mails.insert(uid, rawMail("m" + QByteArray::number(uid) + "@example.org"));
        QCOMPARE(pollNow().value(), 7);
        QCOMPARE(storedMails(), 7);
        QCOMPARE(seen().size(), 7);
        QCOMPARE(state().lastUid, 21);
        QCOMPARE(state().uidValidity, 7);
        QCOMPARE(state().fetched, 7);
        QVERIFY(state().lastPollAt > 0);
        QCOMPARE(pollNow().value(), 0); // nothing past UID 21
        box->mails.insert(22, rawMail("m22@example.org"));
        QCOMPARE(pollNow().value(), 1);
        QCOMPARE(state().fetched, 8);
    }

    void aNewUidValidityReadsAllAgainAndStoresNothingTwice()
    {
        box->mails.insert(1, rawMail("v1@example.org"));
        box->mails.insert(2, rawMail("v2@example.org"));
        QCOMPARE(pollNow().value(), 2);
        // The server renumbers: the same mails under new UIDs, and one new.
        box->mails.clear();
        box->uidValidity = 99;
        box->mails.insert(1, rawMail("v2@example.org"));
        box->mails.insert(2, rawMail("v1@example.org"));
        box->mails.insert(3, rawMail("v3@example.org"));
        QCOMPARE(pollNow().value(), 1);
        QCOMPARE(storedMails(), 3);
        QCOMPARE(state().uidValidity, 99);
        QCOMPARE(state().lastUid, 3);
    }

    void aPollRunningIsJoinedNotStartedAgain()
    {
        box->mails.insert(1, rawMail("j1@example.org"));
        QSemaphore gate;
        box->openGate = &gate;
        std::optional<Result<qint64>> first, second;
        channels->poller().pollNow(fx->companyId, this, [&](Result<qint64> r) { first = r; });
        channels->poller().pollNow(fx->companyId, this, [&](Result<qint64> r) { second = r; });
        QVERIFY(channels->poller().polling(fx->companyId));
        gate.release(2);
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value() && second.has_value(), 20000);
        QCOMPARE(first->value(), 1);
        QCOMPARE(second->value(), 1);
        QCOMPARE(box->opens, 1);
        box->openGate = nullptr;
    }

    void unreadableAndVanishedMailsAreSkippedAndLeftUnseen()
    {
        box->mails.insert(1, rawMail("k1@example.org"));
        box->mails.insert(2, rawMail("k2@example.org"));
        box->mails.insert(3, rawMail("k3@example.org"));
        box->unreadable.insert(2);
        QCOMPARE(pollNow().value(), 2);
        QCOMPARE(seen(), (QSet<qint64>{1, 3}));
        QCOMPARE(state().lastUid, 3);
        QVERIFY(state().lastError.isEmpty());
    }

    void aMailOverTheLimitIsFetchedByItsHeaders()
    {
        box->mails.insert(1, rawMail("big@example.org", QByteArray(100 * 1024, 'x') + "\r\n"));
        QCOMPARE(pollNow().value(), 1);
        QCOMPARE(box->headerFetches, QList<qint64>{1});
        const QString text
            = fx->scalar(QStringLiteral("SELECT content FROM messages WHERE role = 'customer'")).toString();
        QVERIFY2(text.contains(QLatin1String("over the mailbox's limit")), qPrintable(text));
    }

    void aTeamInstanceNotRunningTheTimersDoesNotPoll()
    {
        box->mails.insert(1, rawMail("t1@example.org"));
        fx->engine->setRunsTimers(false);
        QSignalSpy polled(&channels->poller(), &MailPoller::polled);
        channels->poller().start(10);
        QCoreApplication::processEvents(); // its first look: the mailbox is due, and not polled here
        QVERIFY(!channels->poller().polling(fx->companyId));
        QCOMPARE(box->opens, 0);
        fx->engine->setRunsTimers(true); // it runs them now: the next tick polls
        QVERIFY(polled.wait(5000));
        QCOMPARE(box->opens, 1);
    }

    void mailReceivedButNotPostedIsPostedAtStart()
    {
        // A crash between storing a mail and posting it: its row is "received", its original kept.
        const QByteArray raw = rawMail("crash1@example.org");
        ChannelMessageRow row;
        row.id = QStringLiteral("chm_crash1");
        row.companyId = fx->companyId;
        row.direction = QStringLiteral("in");
        row.kind = QStringLiteral("email");
        row.externalId = QStringLiteral("crash1@example.org");
        row.peer = QStringLiteral("jane@example.org");
        row.status = QStringLiteral("received");
        row.createdAt = row.updatedAt = fx->engine->clock().nowMs();
        QVERIFY(fx->store->channels().insertMessage(row).ok());
        QVERIFY(fx->store->channels()
                    .putFile({QStringLiteral("file_crash1"), fx->companyId, row.id, QStringLiteral("original"),
                        QStringLiteral("crash.eml"), QStringLiteral("message/rfc822"), qint64(raw.size()), raw})
                    .ok());
        channels->start();
        QTRY_COMPARE_WITH_TIMEOUT(
            fx->scalar(QStringLiteral("SELECT status FROM channel_messages WHERE id = 'chm_crash1'")).toString(),
            QStringLiteral("stored"), 20000);
        const QString session
            = fx->scalar(QStringLiteral("SELECT session_id FROM channel_messages WHERE id = 'chm_crash1'")).toString();
        QCOMPARE(fx->scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'customer'"),
                       {session})
                     .toInt(),
            1);
        // The poll finds the same mail in the mailbox: stored already, nothing twice.
        box->mails.insert(1, raw);
        QCOMPARE(pollNow().value(), 0);
        QCOMPARE(storedMails(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMailPoller)
#include "tst_mailpoller.moc"
