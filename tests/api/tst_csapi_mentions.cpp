// A colleague named in an internal note, over the real server and real WebSocket clients: the
// named person's consoles are told at once, nobody else's; their list and marking read; a reply
// or an e-mail address names nobody. And the resolve's closing message: the default one shown
// beforehand, a person's own words instead, or none.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject note(const QString &text)
{
    return {{QStringLiteral("content"), text}, {QStringLiteral("internal"), true}};
}

} // namespace

class TestCsApiMentions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aNoteTellsTheColleagueItNames();
    void mentionsAreListedAndMarkedRead();
    void repliesAndAddressesNameNobody();
    void theClosingMessageIsShownAndMayBeChanged();
    void badClosingMessagesAreRefused();

private:
    QString newSession();
    QByteArray agentToken(const char *id) { return m_server.token(api::Role::Agent, {}, 3600, QLatin1String(id)); }
    QJsonArray mentionsOf(const char *id, bool unreadOnly = true)
    {
        HttpClient http(m_server.port(), agentToken(id));
        const HttpResult r
            = http.get(QStringLiteral("/api/cs/mentions") + (unreadOnly ? QStringLiteral("?unread=true") : QString()));
        return r.status == 200 ? r.json().value(QLatin1String("mentions")).toArray() : QJsonArray{QStringLiteral("?")};
    }

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiMentions::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    QVERIFY(m_server.addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {}));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_bob"), QStringLiteral("Bob Baker"), QStringLiteral("agent"), {}));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_carl"), QStringLiteral("Carl Cole"), QStringLiteral("agent"), {}));
}

void TestCsApiMentions::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiMentions::newSession()
{
    return escalatedSession(*m_admin, m_server.companyId(), QStringLiteral("cust_ben"));
}

void TestCsApiMentions::aNoteTellsTheColleagueItNames()
{
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    // Carl follows nothing; Bob follows the whole company; Ann writes.
    WsClient carl, bob;
    QVERIFY(carl.open(m_server.port(), agentToken("agt_carl")));
    QVERIFY(bob.open(m_server.port(), agentToken("agt_bob"),
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}}));
    HttpClient ann(m_server.port(), agentToken("agt_ann"));
    const HttpResult sent = ann.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/agent-messages"),
        note(QStringLiteral("@Carl Cole could you check the refund on this one?")));
    QCOMPARE(sent.status, 201);

    const QJsonObject frame = carl.waitFor(QStringLiteral("mention"), id);
    QVERIFY2(!frame.isEmpty(), "the named colleague is told");
    const QJsonObject m = frame.value(QLatin1String("mention")).toObject();
    QCOMPARE(str(m, "sessionId"), id);
    QCOMPARE(str(m, "messageId"), str(sent.json().value(QLatin1String("message")).toObject(), "id"));
    QCOMPARE(str(m.value(QLatin1String("from")).toObject(), "agentId"), QStringLiteral("agt_ann"));
    QCOMPARE(str(m.value(QLatin1String("from")).toObject(), "name"), QStringLiteral("Ann Archer"));
    QCOMPARE(str(m, "excerpt"), QStringLiteral("@Carl Cole could you check the refund on this one?"));
    QVERIFY(m.value(QLatin1String("readAt")).isNull());
    QVERIFY(str(m, "id").startsWith(QLatin1String("mnt_")));

    // Bob sees the note itself; a second note after it shows nothing else came for him in between.
    QVERIFY(!bob.waitMessage(QStringLiteral("internal_note")).isEmpty());
    QCOMPARE(ann.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/agent-messages"),
                    note(QStringLiteral("Nothing for anyone here")))
                 .status,
        201);
    QVERIFY(!bob.waitMessage(QStringLiteral("internal_note")).isEmpty());
    QCOMPARE(bob.find(QStringLiteral("mention")), -1);
}

void TestCsApiMentions::mentionsAreListedAndMarkedRead()
{
    const QString id = newSession();
    HttpClient ann(m_server.port(), agentToken("agt_ann"));
    const qsizetype before = mentionsOf("agt_bob").size();
    QCOMPARE(ann.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/agent-messages"),
                    note(QStringLiteral("Bob: see above. @Bob, @bob baker, twice named, one mention")))
                 .status,
        201);
    const QJsonArray unread = mentionsOf("agt_bob");
    QCOMPARE(unread.size(), before + 1);
    const QJsonObject newest = unread.first().toObject();
    QCOMPARE(str(newest, "sessionId"), id);

    // Only Bob may read his; reading it again keeps the first time.
    HttpClient carl(m_server.port(), agentToken("agt_carl"));
    const QString read = QStringLiteral("/api/cs/mentions/") + str(newest, "id") + QStringLiteral("/read");
    const HttpResult notHis = carl.post(read, {});
    QCOMPARE(notHis.status, 404);
    HttpClient bob(m_server.port(), agentToken("agt_bob"));
    const HttpResult first = bob.post(read, {});
    QCOMPARE(first.status, 200);
    QVERIFY(!str(first.json(), "readAt").isEmpty());
    QCOMPARE(str(bob.post(read, {}).json(), "readAt"), str(first.json(), "readAt"));
    QCOMPARE(mentionsOf("agt_bob").size(), before);
    QCOMPARE(
        mentionsOf("agt_bob", false).first().toObject().value(QLatin1String("id")), newest.value(QLatin1String("id")));

    QCOMPARE(bob.get(QStringLiteral("/api/cs/mentions?unread=maybe")).status, 400);
    QCOMPARE(bob.get(QStringLiteral("/api/cs/mentions?limit=0")).status, 400);
    QCOMPARE(bob.post(QStringLiteral("/api/cs/mentions/mnt_nope/read"), {}).status, 404);
    QCOMPARE(
        HttpClient(m_server.port(), m_server.token(api::Role::Client)).get(QStringLiteral("/api/cs/mentions")).status,
        403);
}

void TestCsApiMentions::repliesAndAddressesNameNobody()
{
    const QString id = newSession();
    const qsizetype before = mentionsOf("agt_carl").size();
    HttpClient ann(m_server.port(), agentToken("agt_ann"));
    QCOMPARE(ann.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/agent-messages"),
                    note(QStringLiteral("Mailed carl@example.com about it; @Ann Archer is me")))
                 .status,
        201);
    QCOMPARE(ann.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/agent-messages"),
                    {{QStringLiteral("content"), QStringLiteral("Thanks, @Carl Cole will help you")}})
                 .status,
        201);
    QCOMPARE(mentionsOf("agt_carl").size(), before);
    QCOMPARE(mentionsOf("agt_ann").size(), 0);
}

void TestCsApiMentions::theClosingMessageIsShownAndMayBeChanged()
{
    HttpClient ann(m_server.port(), agentToken("agt_ann"));
    const auto resolveWith = [&](const QString &id, const QJsonValue &closing) {
        QJsonObject body{{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}};
        if (!closing.isUndefined())
            body.insert(QStringLiteral("closingMessage"), closing);
        return ann.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/resolve"), body).status;
    };
    const auto lastMessage = [&](const QString &id) {
        const QJsonArray all
            = m_admin->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray();
        return all.last().toObject();
    };

    const QString id = newSession();
    const HttpResult shown = ann.get(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/closing-message"));
    QCOMPARE(shown.status, 200);
    const QString byDefault = str(shown.json(), "closingMessage");
    QVERIFY2(byDefault.contains(QLatin1String("Ann Archer")), qPrintable(byDefault));
    QCOMPARE(resolveWith(id, QJsonValue::Undefined), 200);
    QCOMPARE(str(lastMessage(id), "content"), byDefault);

    const QString own = newSession();
    QCOMPARE(resolveWith(own, QStringLiteral("Glad we sorted it out. Ann")), 200);
    const QJsonObject last = lastMessage(own);
    QCOMPARE(str(last, "content"), QStringLiteral("Glad we sorted it out. Ann"));
    QCOMPARE(str(last, "role"), QStringLiteral("human_agent"));

    const QString none = newSession();
    const QJsonObject before = lastMessage(none);
    QCOMPARE(resolveWith(none, QString()), 200);
    QCOMPARE(lastMessage(none), before);
    QCOMPARE(
        str(m_admin->get(QStringLiteral("/api/cs/sessions/") + none).json(), "status"), QStringLiteral("RESOLVED"));
}

void TestCsApiMentions::badClosingMessagesAreRefused()
{
    HttpClient ann(m_server.port(), agentToken("agt_ann"));
    const QString id = newSession();
    const QString resolve = QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/resolve");
    const QJsonObject base{{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}};
    QJsonObject notText = base, tooLong = base;
    notText.insert(QStringLiteral("closingMessage"), 42);
    tooLong.insert(QStringLiteral("closingMessage"), QString(2001, QLatin1Char('x')));
    for (const QJsonObject &body : {notText, tooLong}) {
        const HttpResult r = ann.post(resolve, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(str(r.json().value(QLatin1String("error")).toObject(), "code"), QStringLiteral("CS_011"));
    }
    // Nothing was resolved by the refused calls; another company's or no session is not found.
    QVERIFY(str(m_admin->get(QStringLiteral("/api/cs/sessions/") + id).json(), "status") != QLatin1String("RESOLVED"));
    QCOMPARE(ann.get(QStringLiteral("/api/cs/sessions/sess_nope/closing-message")).status, 404);
}

QTEST_GUILESS_MAIN(TestCsApiMentions)
#include "tst_csapi_mentions.moc"
