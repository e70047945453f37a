// The three phases of a message with a real store: the reply is worded off the
// engine thread, a slow responder holds up neither the engine nor other
// sessions, past the timeout the local responder answers, a session's messages
// keep their order, and no reply claims what the engine did not do.
#include "EngineFixture.h"
#include "GatedResponder.h"

#include "core/engine/pipeline/ReplyComposer.h"
#include "core/engine/reply/LocalResponder.h"

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// The outcome of an asynchronous post, once it arrives.
struct Posted {
    bool done = false;
    std::optional<Result<MessageOutcome>> result;
};

// Counts the composer's notes that a reply worded after its timeout was dropped.
class DroppedReplies {
public:
    DroppedReplies()
    {
        s_count = 0;
        s_previous = qInstallMessageHandler(&handle);
    }
    ~DroppedReplies() { qInstallMessageHandler(s_previous); }
    int count() const { return s_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (qstrcmp(context.category, "tierdesk.replies") == 0 && message.contains(QLatin1String("was dropped")))
            ++s_count;
        s_previous(type, context, message);
    }
    static inline int s_count = 0;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

class TestReplyComposer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void slowResponderHoldsUpNoOtherSession();
    void timeoutGivesTheLocalResponderWords();
    void messagesOfOneSessionKeepTheirOrder();
    void replyClaimingAnUntakenRefundIsReplaced();
    void germanReplyClaimingAnUntakenRefundIsReplaced();
    void sessionResolvedWhileWordingGetsNoReply();
    void newSessionFirstReplyIsWordedOffThread();

private:
    std::shared_ptr<Posted> post(const QString &session, const QString &text)
    {
        auto p = std::make_shared<Posted>();
        f->engine->postMessage(f->companyId, session, text, Actor{}, this, [p](Result<MessageOutcome> r) {
            p->result = std::move(r);
            p->done = true;
        });
        return p;
    }
    QString openSession(const QString &customer)
    {
        const auto s = f->open(customer);
        return s ? s->id : QString();
    }
    QStringList transcriptRoles(const QString &session)
    {
        QStringList roles;
        const auto read = f->engine->session(f->companyId, session);
        for (const Message &m : read->messages)
            roles << m.role;
        return roles;
    }

    std::unique_ptr<EngineFixture> f;
    std::shared_ptr<GatedResponder> responder;
};

void TestReplyComposer::init()
{
    f = std::make_unique<EngineFixture>();
    QVERIFY(f->setUp());
    responder = std::make_shared<GatedResponder>();
    f->engine->setResponder(responder);
}

void TestReplyComposer::cleanup()
{
    responder->gate.release(100); // nothing may stay blocked past the test
    f.reset();
    responder.reset();
}

void TestReplyComposer::slowResponderHoldsUpNoOtherSession()
{
    const QString slow = openSession(QStringLiteral("cust_ben"));
    const QString quick = openSession(QStringLiteral("cust_alice"));
    auto held = post(slow, QStringLiteral("a slow question about sizes"));
    QTRY_COMPARE(responder->started.load(), 1);
    QVERIFY(!held->done);
    // Meanwhile the engine answers another session entirely.
    auto other = post(quick, QStringLiteral("what sizes do rain jackets come in"));
    QTRY_VERIFY(other->done);
    QVERIFY(other->result->ok());
    QCOMPARE(other->result->value().aiResponse->content, QStringLiteral("Words from the test responder."));
    QVERIFY(!held->done);

    responder->gate.release();
    QTRY_VERIFY(held->done);
    QVERIFY(held->result->ok());
    const MessageOutcome &out = held->result->value();
    QCOMPARE(out.aiResponse->content, QStringLiteral("Words from the test responder."));
    QCOMPARE(out.aiResponse->meta.ai->model, QStringLiteral("gated-test"));
    QCOMPARE(toString(out.session.status), toString(SessionStatus::WaitingCustomer));
    QCOMPARE(transcriptRoles(slow), (QStringList{QStringLiteral("customer"), QStringLiteral("ai_rep")}));
}

void TestReplyComposer::timeoutGivesTheLocalResponderWords()
{
    f->engine->setReplyTimeoutMs(200);
    const QString s = openSession(QStringLiteral("cust_ben"));
    auto held = post(s, QStringLiteral("slow one: where is ORD-10005"));
    QTRY_VERIFY_WITH_TIMEOUT(held->done, 5000);
    QVERIFY(held->result->ok());
    const Message ai = *held->result->value().aiResponse;
    QCOMPARE(ai.meta.ai->fallback, QStringLiteral("timeout"));
    QCOMPARE(ai.meta.ai->model, QString::fromLatin1(LocalResponder::kModel));
    QVERIFY2(ai.content.contains(QLatin1String("ORD-10005")), qPrintable(ai.content));

    // The late words, when they come, are dropped: one reply per message.
    const DroppedReplies dropped;
    responder->gate.release();
    QTRY_COMPARE(dropped.count(), 1);
    QCOMPARE(responder->started.load(), 1);
    QCOMPARE(transcriptRoles(s), (QStringList{QStringLiteral("customer"), QStringLiteral("ai_rep")}));
}

void TestReplyComposer::messagesOfOneSessionKeepTheirOrder()
{
    const QString s = openSession(QStringLiteral("cust_ben"));
    auto first = post(s, QStringLiteral("slow: first question"));
    auto second = post(s, QStringLiteral("second question"));
    QTRY_COMPARE(responder->started.load(), 1);
    // Another session's message, posted after the second, gets its answer meanwhile...
    auto later = post(openSession(QStringLiteral("cust_alice")), QStringLiteral("what sizes do rain jackets come in"));
    QTRY_VERIFY(later->done);
    // ...while the second waits for the first's reply; it is not even worded yet.
    QVERIFY(!second->done);
    QCOMPARE(responder->started.load(), 2);
    responder->gate.release();
    QTRY_VERIFY(first->done && second->done);
    const QList<Message> messages = f->engine->session(f->companyId, s)->messages;
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(0).content, QStringLiteral("slow: first question"));
    QVERIFY(messages.at(1).role.startsWith(QLatin1String("ai_")));
    QCOMPARE(messages.at(2).content, QStringLiteral("second question"));
    QVERIFY(messages.at(3).role.startsWith(QLatin1String("ai_")));
}

void TestReplyComposer::replyClaimingAnUntakenRefundIsReplaced()
{
    responder->text = QStringLiteral("Done! I've refunded $500.00 to your card.");
    const QString s = openSession(QStringLiteral("cust_ben"));
    auto asked = post(s, QStringLiteral("i want my money back for ORD-10005"));
    QTRY_VERIFY(asked->done);
    QVERIFY(asked->result->ok());
    const Message ai = *asked->result->value().aiResponse;
    QVERIFY2(!ai.content.contains(QLatin1String("$500")), qPrintable(ai.content));
    QCOMPARE(ai.meta.ai->model, QString::fromLatin1(LocalResponder::kModel));
    const QStringList notes = ai.meta.ai->guardNotes;
    QCOMPARE(notes.size(), 1);
    QVERIFY(notes.first().contains(QLatin1String("claims a refund that was not made")));
    // Whatever the words said, no money moved.
    QVERIFY(f->store->batch().flush());
    QCOMPARE(f->ledgerRows(QStringLiteral("refund")), 0);
    QCOMPARE(f->refunded(QStringLiteral("ORD-10005")), 0.0);
}

void TestReplyComposer::germanReplyClaimingAnUntakenRefundIsReplaced()
{
    QVERIFY(f->configure(R"({"language": "de"})"));
    responder->text = QString::fromUtf8("Erledigt! Ich habe Ihnen 79,00 $ auf Ihre Karte erstattet.");
    const QString s = openSession(QStringLiteral("cust_ben"));
    auto asked = post(s, QStringLiteral("i want my money back for the pants from ORD-10005"));
    QTRY_VERIFY(asked->done);
    QVERIFY(asked->result->ok());
    const Message ai = *asked->result->value().aiResponse;
    QVERIFY2(!ai.content.contains(QLatin1String("Karte")), qPrintable(ai.content));
    // The local responder's German words instead: the summary to confirm, nothing claimed.
    QCOMPARE(ai.meta.ai->model, QString::fromLatin1(LocalResponder::kModel));
    QVERIFY2(ai.content.contains(QString::fromUtf8("Soll ich das für Sie erledigen?")), qPrintable(ai.content));
    const QStringList notes = ai.meta.ai->guardNotes;
    QCOMPARE(notes.size(), 1);
    QVERIFY(notes.first().contains(QLatin1String("claims a refund that was not made")));
    QVERIFY(f->store->batch().flush());
    QCOMPARE(f->ledgerRows(QStringLiteral("refund")), 0);
    QCOMPARE(f->refunded(QStringLiteral("ORD-10005")), 0.0);
}

void TestReplyComposer::sessionResolvedWhileWordingGetsNoReply()
{
    const QString s = openSession(QStringLiteral("cust_ben"));
    auto held = post(s, QStringLiteral("slow question"));
    QTRY_COMPARE(responder->started.load(), 1);
    Resolution r;
    r.summary = QStringLiteral("closed by the test");
    QVERIFY(f->engine->resolve(f->companyId, s, r, Actor{}).ok());
    responder->gate.release();
    QTRY_VERIFY(held->done);
    QVERIFY(held->result->ok());
    QVERIFY(!held->result->value().aiResponse);
    QCOMPARE(toString(held->result->value().session.status), toString(SessionStatus::Resolved));
    QCOMPARE(transcriptRoles(s).count(QStringLiteral("ai_rep")), 0);
}

void TestReplyComposer::newSessionFirstReplyIsWordedOffThread()
{
    CreateSessionRequest req;
    req.companyId = f->companyId;
    req.customerId = QStringLiteral("cust_ben");
    req.initialMessage = QStringLiteral("slow start: where is ORD-10005");
    bool done = false;
    std::optional<MessageOutcome> first;
    QString id;
    f->engine->createSession(req, Actor{}, this, [&](Result<Session> s, std::optional<MessageOutcome> o) {
        QVERIFY(s.ok());
        id = s->id;
        first = o;
        done = true;
    });
    QTRY_COMPARE(responder->started.load(), 1);
    QVERIFY(!done);
    responder->gate.release();
    QTRY_VERIFY(done);
    QVERIFY(first && first->aiResponse);
    QCOMPARE(first->aiResponse->content, QStringLiteral("Words from the test responder."));
    QCOMPARE(transcriptRoles(id), (QStringList{QStringLiteral("customer"), QStringLiteral("ai_rep")}));
}

QTEST_GUILESS_MAIN(TestReplyComposer)
#include "tst_replycomposer.moc"
