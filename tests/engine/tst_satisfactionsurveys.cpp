// The mail survey's links with the real engine on a SQLite file and a clock moved by hand
// (docs/api.md, "Satisfaction surveys"): a resolved mail conversation gets one survey; its links are
// signed per rating; one used records, the next records nothing; after 14 days none records; a
// text's answer is only a digit.
#include "tests/engine/EngineFixture.h"

#include <QTest>

using namespace tierdesk;

class TestSatisfactionSurveys : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_fx.reset(); }
    void aResolvedMailConversationGetsOneSurvey();
    void aLinkOlderThanFourteenDaysRecordsNothing();
    void aTextIsARatingOnlyWhenItIsADigit();

private:
    // A mail conversation of the demo company, resolved; its survey.
    std::optional<Survey> resolvedMailConversation(const QString &customer);

    std::unique_ptr<test::EngineFixture> m_fx;
};

void TestSatisfactionSurveys::init()
{
    m_fx = std::make_unique<test::EngineFixture>();
    QVERIFY(m_fx->setUp());
}

std::optional<Survey> TestSatisfactionSurveys::resolvedMailConversation(const QString &customer)
{
    CreateSessionRequest req;
    req.companyId = m_fx->companyId;
    req.customerId = customer;
    req.channel = Channel::Email;
    req.initialMessage = QStringLiteral("Do you sell gift cards?");
    const Result<Session> s = m_fx->engine->createSession(req, Actor(QStringLiteral("mail"), QStringLiteral("admin")));
    if (!s)
        return std::nullopt;
    const qint64 now = m_fx->clock.nowMs();
    Store &store = *m_fx->store;
    const ChannelThread thread{s->id, m_fx->companyId, QStringLiteral("email"),
        customer + QStringLiteral("@example.org"), QString(), QStringLiteral("support@shop.example"),
        QStringLiteral("Gift cards"), QStringLiteral("AB12"), now, now};
    if (!store.batch().run([&] { return bool(store.channels().putThread(thread)); }))
        return std::nullopt;
    Resolution done;
    if (!m_fx->engine->resolve(m_fx->companyId, s->id, done, Actor(QStringLiteral("admin"), QStringLiteral("admin"))))
        return std::nullopt;
    store.batch().flush();
    const QVariant id = [&] {
        QSqlQuery q(store.db().handle());
        q.prepare(QStringLiteral("SELECT id FROM surveys WHERE session_id = ?"));
        q.addBindValue(s->id);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }();
    return store.surveys().find(id.toString());
}

void TestSatisfactionSurveys::aResolvedMailConversationGetsOneSurvey()
{
    const std::optional<Survey> survey = resolvedMailConversation(QStringLiteral("cust_ben"));
    QVERIFY(survey);
    QCOMPARE(survey->kind, QStringLiteral("email"));
    QCOMPARE(survey->expiresAt - survey->sentAt, SatisfactionSurveys::kMailWindowMs);
    // Each rating's link is its own; a link whose rating was changed is not ours.
    const QString four = SatisfactionSurveys::token(*survey, 4);
    QVERIFY(four != SatisfactionSurveys::token(*survey, 5));
    QString changed = four;
    changed.replace(survey->id + QStringLiteral(".4."), survey->id + QStringLiteral(".5."));
    SatisfactionSurveys &surveys = m_fx->engine->surveys();
    QCOMPARE(surveys.answerLink(changed).outcome, SatisfactionSurveys::LinkOutcome::Unknown);
    const auto first = surveys.answerLink(four);
    QCOMPARE(first.outcome, SatisfactionSurveys::LinkOutcome::Recorded);
    QCOMPARE(first.rating, 4);
    QCOMPARE(surveys.answerLink(SatisfactionSurveys::token(*survey, 2)).outcome,
        SatisfactionSurveys::LinkOutcome::AlreadyAnswered);
    const auto rating = m_fx->store->ratings().find(survey->sessionId);
    QVERIFY(rating);
    QCOMPARE(rating->rating, 4);
}

void TestSatisfactionSurveys::aLinkOlderThanFourteenDaysRecordsNothing()
{
    const std::optional<Survey> survey = resolvedMailConversation(QStringLiteral("cust_ben"));
    QVERIFY(survey);
    m_fx->clock.advanceMs(SatisfactionSurveys::kMailWindowMs + 1000);
    QCOMPARE(m_fx->engine->surveys().answerLink(SatisfactionSurveys::token(*survey, 5)).outcome,
        SatisfactionSurveys::LinkOutcome::Expired);
    QVERIFY(!m_fx->store->ratings().find(survey->sessionId));
}

void TestSatisfactionSurveys::aTextIsARatingOnlyWhenItIsADigit()
{
    QCOMPARE(SatisfactionSurveys::ratingIn(QStringLiteral("5")), 5);
    QCOMPARE(SatisfactionSurveys::ratingIn(QStringLiteral(" 4. ")), 4);
    QCOMPARE(SatisfactionSurveys::ratingIn(QStringLiteral("3!")), 3);
    for (const char *text : {"0", "6", "10", "5 stars", "five", "", "1 2"})
        QCOMPARE(SatisfactionSurveys::ratingIn(QString::fromLatin1(text)), 0);
}

QTEST_GUILESS_MAIN(TestSatisfactionSurveys)
#include "tst_satisfactionsurveys.moc"
