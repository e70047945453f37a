// What the AI answers, and what it refuses to do, for everyday customer messages,
// through the real NLU, knowledge base and store.
#include "tests/engine/EngineFixture.h"

using namespace tierdesk;
using namespace tierdesk::test;

class TestReplies : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup() { f.reset(); }
    void toneOpenerOnlyOpensTheConversation();
    void handOverStillAnswersTheRefundAskedFor();
    void answersFromTheMatchingArticle_data();
    void answersFromTheMatchingArticle();
    void noRefundWithoutTheCustomerAskingForOne_data();
    void noRefundWithoutTheCustomerAskingForOne();
    void refundWithoutOrderNumberAsksForIt();
    void quotedArticleStopsBeforeAList();

private:
    std::unique_ptr<EngineFixture> f;
};

void TestReplies::init()
{
    f = std::make_unique<EngineFixture>();
    QVERIFY(f->setUp());
}

void TestReplies::answersFromTheMatchingArticle_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected"); // words the answer must contain
    QTest::newRow("shipping time") << "How long does shipping take?"
                                   << "business days";
    QTest::newRow("password") << "how do I reset my password?"
                              << "Forgot password";
    QTest::newRow("return policy") << "what is your return policy?"
                                   << "30 days";
    QTest::newRow("damaged item") << "my jacket arrived with a broken zipper"
                                  << "damaged";
}

void TestReplies::answersFromTheMatchingArticle()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    std::optional<MessageOutcome> out;
    QVERIFY(f->open(QStringLiteral("cust_ben"), message, &out).ok());
    QVERIFY(out && out->aiResponse);
    const QString reply = out->aiResponse->content;
    QVERIFY2(reply.contains(expected, Qt::CaseInsensitive), qPrintable(reply));
    // Not an order status when the question is about policy.
    QVERIFY2(!reply.contains(QLatin1String("ORD-")), qPrintable(reply));
    QVERIFY2(!reply.endsWith(QLatin1String("1.")), qPrintable(reply));
}

void TestReplies::noRefundWithoutTheCustomerAskingForOne_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("double charge") << "I was charged twice for ORD-10005";
    QTest::newRow("refund status") << "where is my refund for ORD-10005?";
    QTest::newRow("complaint") << "Order ORD-10005 was a terrible experience";
}

void TestReplies::noRefundWithoutTheCustomerAskingForOne()
{
    QFETCH(QString, message);
    QVERIFY(f->configure(R"({"tiers":{"aiRep":{"capabilities":{"canProcessRefunds":true,"maxRefundAmount":1000}}}})"));
    std::optional<MessageOutcome> out;
    QVERIFY(f->open(QStringLiteral("cust_ben"), message, &out).ok());
    QVERIFY(f->store->batch().flush());
    QVERIFY(!actionsOf(*out).contains(QStringLiteral("process_refund")));
    QCOMPARE(f->scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'refund'")).toInt(), 0);
}

void TestReplies::refundWithoutOrderNumberAsksForIt()
{
    QVERIFY(f->configure(R"({"tiers":{"aiRep":{"capabilities":{"canProcessRefunds":true,"maxRefundAmount":1000}}}})"));
    std::optional<MessageOutcome> out;
    QVERIFY(f->open(QStringLiteral("cust_ben"), QStringLiteral("I want a refund please"), &out).ok());
    QVERIFY(!out->escalation);
    QVERIFY2(out->aiResponse->content.contains(QLatin1String("order number")), qPrintable(out->aiResponse->content));
    QVERIFY(f->store->batch().flush());
    QCOMPARE(f->scalar(QStringLiteral("SELECT COUNT(*) FROM ledger")).toInt(), 0);
}

void TestReplies::quotedArticleStopsBeforeAList()
{
    // The refund-timing article introduces a numbered list after its opening.
    std::optional<MessageOutcome> out;
    QVERIFY(f->open(QStringLiteral("cust_ben"), QStringLiteral("How long do refunds take to arrive?"), &out).ok());
    const QString reply = out->aiResponse->content;
    QVERIFY2(!reply.contains(QLatin1String(": 1.")) && !reply.endsWith(QLatin1Char(':')), qPrintable(reply));
}

void TestReplies::toneOpenerOnlyOpensTheConversation()
{
    std::optional<MessageOutcome> first;
    const auto s = f->open(QStringLiteral("cust_ben"), QStringLiteral("what payment methods do you accept"), &first);
    QVERIFY(s.ok());
    QVERIFY2(
        first->aiResponse->content.startsWith(QLatin1String("Happy to help!")), qPrintable(first->aiResponse->content));
    const auto next = f->say(s->id, QStringLiteral("and how long do refunds take"));
    QVERIFY(next.ok());
    QVERIFY2(
        !next->aiResponse->content.contains(QLatin1String("Happy to help!")), qPrintable(next->aiResponse->content));
}

void TestReplies::handOverStillAnswersTheRefundAskedFor()
{
    // At the AI Manager, a public-complaint threat goes to a person; the reply says why the
    // refund asked for was not given (the order is still on its way), not only where it is.
    const auto s = f->open(QStringLiteral("cust_daniel"));
    QVERIFY(s.ok());
    QVERIFY(
        f->engine->escalate(f->companyId, s->id, EscalationReason::ComplexIssue, Tier::AiManager, QString(), Actor{})
            .ok());
    const auto out
        = f->say(s->id, QStringLiteral("I want a refund for ORD-10011 or I will post about this everywhere"));
    QVERIFY(out.ok());
    QCOMPARE(toString(out->session.currentTier), QStringLiteral("HUMAN_AGENT"));
    const QString reply = out->aiResponse->content;
    QVERIFY2(reply.contains(QLatin1String("ORD-10011")) && reply.contains(QLatin1String("can't be refunded yet")),
        qPrintable(reply));
}

QTEST_GUILESS_MAIN(TestReplies)
#include "tst_replies.moc"
