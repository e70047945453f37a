#include "core/nlu/Keywords.h"

#include <QtTest>

using namespace tierdesk::nlu;

class TestKeywords : public QObject {
    Q_OBJECT

private slots:
    void legal_data();
    void legal();
    void social_data();
    void social();
    void human_data();
    void human();
    void manager_data();
    void manager();
    void keyword_data();
    void keyword();
};

// Each detector gets rows "text" -> expected match ("" = no match).
static void addColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("match");
}

static void row(const char *text, const char *match)
{
    QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(match);
}

void TestKeywords::legal_data()
{
    addColumns();
    row("I'm calling my lawyer", "lawyer");
    row("My ATTORNEY will hear about this", "ATTORNEY");
    row("I will sue you", "sue");
    row("we are suing", "suing");
    row("expect a lawsuit", "lawsuit");
    row("I'm taking legal action", "legal action");
    row("see you in court", "court");
    row("I'll file in small claims", "small claims");
    row("join the class-action", "class-action");
    row("I don't want to involve a lawyer", "lawyer"); // negation still counts, see Keywords.h
    row("my sister is a lawyer and swears by your boots", ""); // described, not called in
    row("I'm a lawyer myself, what sizes do you have", "");
    row("my lawyer friend recommended the meadow tent", ""); // who someone is, not a threat
    row("my lawyer will be contacting you", "lawyer");
    row("my sister is a lawyer and she will sue you", "sue");
    row("I have an issue with my order", "");
    row("please pursue this", "");
    row("thanks for the courtesy", "");
    row("the food court was closed", "court"); // whole word: accepted false positive
    row("legally speaking it's fine", "");
    row("", "");
}

void TestKeywords::legal()
{
    QFETCH(QString, text);
    QFETCH(QString, match);
    QCOMPARE(legalMention(text), match);
}

void TestKeywords::social_data()
{
    addColumns();
    row("I'll post this on Twitter", "Twitter");
    row("everyone on facebook will know", "facebook");
    row("going on TikTok with this", "TikTok");
    row("putting it on reddit", "reddit");
    row("I'm going to post a review", "post a review");
    row("I will write a bad review", "write a bad review");
    row("leaving a 1-star review", "leaving a 1-star review");
    row("I'll tell everyone I know", "tell everyone");
    row("reporting you to the BBB", "BBB");
    row("the Better Business Bureau will hear", "Better Business Bureau");
    row("this will go viral", "go viral");
    row("all over social media", "social media");
    row("I'll post it on X", "on X");
    row("send me 2 x 3 boxes", "");
    row("the box was facing up", "");
    row("can I review my order before paying", "");
    row("saw your rain jacket on instagram, how do i wash it", ""); // where they saw it
    row("saw how you treat people, posting it on instagram", "instagram");
}

void TestKeywords::social()
{
    QFETCH(QString, text);
    QFETCH(QString, match);
    const QString got = socialMediaThreat(text);
    // Some patterns may include a leading word; the expected text must be inside the match.
    QVERIFY2(match.isEmpty() ? got.isEmpty()
                             : got.contains(match, Qt::CaseInsensitive) || match.contains(got, Qt::CaseInsensitive),
        qPrintable(QStringLiteral("'%1' -> '%2'").arg(text, got)));
    QCOMPARE(got.isEmpty(), match.isEmpty());
}

void TestKeywords::human_data()
{
    addColumns();
    row("can I talk to a person", "talk to a person");
    row("let me speak to a human", "speak to a human");
    row("I want to talk to a real agent", "talk to a real agent");
    row("connect me with someone real", "connect me with someone");
    row("human please", "human please");
    row("is there a real person there?", "real person");
    row("I want a live agent", "live agent");
    row("stop the bot", "stop the bot");
    row("are you a bot?", "are you a bot");
    row("the human resources team", "");
    row("my person of contact moved", "");
    row("where is my order", "");
    row("this bot is useless. AGENT", "AGENT");
    row("human pls", "human pls");
    row("agent!!", "agent");
    row("the agent said it shipped", "");
    row("i want a human", "want a human");
    row("I need a person to look at this", "need a person");
    row("i want a personal shopper", "");
}

void TestKeywords::human()
{
    QFETCH(QString, text);
    QFETCH(QString, match);
    QCOMPARE(humanRequest(text), match);
}

void TestKeywords::manager_data()
{
    addColumns();
    row("I want to speak to a manager", "speak to a manager");
    row("let me talk to your supervisor", "talk to your supervisor");
    row("get me your boss", "get me your boss");
    row("I demand a supervisor", "demand a supervisor");
    row("put me through to management", "put me through to management");
    row("manager, please", "manager, please");
    row("is there someone in charge", "someone in charge");
    row("my account manager moved", "");
    row("I manage my subscription myself", "");
    row("which plan do you recommend", "");
}

void TestKeywords::manager()
{
    QFETCH(QString, text);
    QFETCH(QString, match);
    QCOMPARE(managerRequest(text), match);
}

void TestKeywords::keyword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("keywords");
    QTest::addColumn<QString>("match");
    const QStringList kw = {QStringLiteral("refund now"), QStringLiteral("scam"), QStringLiteral("chargeback")};
    QTest::newRow("word") << QStringLiteral("This is a SCAM.") << kw << QStringLiteral("SCAM");
    QTest::newRow("phrase") << QStringLiteral("I want a refund now!") << kw << QStringLiteral("refund now");
    QTest::newRow("inside word") << QStringLiteral("scammers everywhere") << kw << QString();
    QTest::newRow("prefix") << QStringLiteral("antiscam tips") << kw << QString();
    QTest::newRow("second occurrence") << QStringLiteral("scammy? no: a scam") << kw << QStringLiteral("scam");
    QTest::newRow("list order") << QStringLiteral("scam, I'll do a chargeback") << kw << QStringLiteral("scam");
    QTest::newRow("blank keyword") << QStringLiteral("anything") << QStringList{QStringLiteral("  ")} << QString();
    QTest::newRow("no keywords") << QStringLiteral("scam") << QStringList() << QString();
    QTest::newRow("symbol keyword") << QStringLiteral("what the $#@!") << QStringList{QStringLiteral("$#@!")}
                                    << QStringLiteral("$#@!");
}

void TestKeywords::keyword()
{
    QFETCH(QString, text);
    QFETCH(QStringList, keywords);
    QFETCH(QString, match);
    QCOMPARE(matchKeyword(text, keywords), match);
}

QTEST_GUILESS_MAIN(TestKeywords)
#include "tst_keywords.moc"
