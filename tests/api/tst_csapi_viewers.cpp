// Colleagues seen in a conversation, over two real WebSocket clients on a real server: viewing,
// typing (a reply, a note), a reply that ends the typing, leaving, and a closed connection that
// leaves at once; customers' connections cannot say they view.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"
#include "tests/support/FakeClock.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// "ann:typing(note), bob" — the viewers of a frame, to compare in one line.
QString viewersOf(const QJsonObject &frame)
{
    QStringList out;
    for (const QJsonValue &v : frame.value(QLatin1String("viewers")).toArray()) {
        const QJsonObject o = v.toObject();
        QString one = str(o, "agentId");
        if (o.value(QLatin1String("typing")).toBool())
            one += o.value(QLatin1String("internal")).toBool() ? QStringLiteral(":typing(note)")
                                                               : QStringLiteral(":typing");
        out << one;
    }
    return out.join(QStringLiteral(", "));
}

WsClient::Match viewersFrame(const QString &sessionId, const QString &expected)
{
    return [sessionId, expected](const QJsonObject &f) {
        return str(f, "type") == QLatin1String("viewers") && str(f, "sessionId") == sessionId
            && viewersOf(f) == expected;
    };
}

} // namespace

class TestCsApiViewers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void colleaguesSeeEachOtherAndTheirTyping();
    void aClosedConnectionLeavesAtOnce();
    void customersCannotView();

private:
    QString newSession();
    QJsonObject subscribeTo(const QString &sessionId)
    {
        return {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), sessionId}};
    }
    QJsonObject say(const char *type, const QString &sessionId, bool internal = false)
    {
        QJsonObject o{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("sessionId"), sessionId}};
        if (internal)
            o.insert(QStringLiteral("internal"), true);
        return o;
    }
    QByteArray agentToken(const char *id) { return m_server.token(api::Role::Agent, {}, 3600, QLatin1String(id)); }

    FakeClock m_clock;
    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiViewers::initTestCase()
{
    m_server.setClock(&m_clock);
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    QVERIFY(m_server.addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {}));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_bob"), QStringLiteral("Bob Baker"), QStringLiteral("agent"), {}));
}

void TestCsApiViewers::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiViewers::newSession()
{
    return escalatedSession(*m_admin, m_server.companyId(), QStringLiteral("cust_ben"));
}

void TestCsApiViewers::colleaguesSeeEachOtherAndTheirTyping()
{
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    WsClient ann, bob;
    QVERIFY(ann.open(m_server.port(), agentToken("agt_ann"), subscribeTo(id)));
    QVERIFY(bob.open(m_server.port(), agentToken("agt_bob"), subscribeTo(id)));

    ann.send(say("viewing", id));
    QVERIFY(!ann.waitFor(viewersFrame(id, QStringLiteral("agt_ann"))).isEmpty());
    QVERIFY(!bob.waitFor(viewersFrame(id, QStringLiteral("agt_ann"))).isEmpty());

    bob.send(say("viewing", id));
    QVERIFY(!ann.waitFor(viewersFrame(id, QStringLiteral("agt_ann, agt_bob"))).isEmpty());
    const QJsonObject both = bob.waitFor(viewersFrame(id, QStringLiteral("agt_ann, agt_bob")));
    QCOMPARE(
        str(both.value(QLatin1String("viewers")).toArray().at(0).toObject(), "name"), QStringLiteral("Ann Archer"));

    // Ann types a reply, then Bob a note; Ann's reply ends her typing.
    ann.send(say("typing", id));
    QVERIFY(!bob.waitFor(viewersFrame(id, QStringLiteral("agt_ann:typing, agt_bob"))).isEmpty());
    bob.send(say("typing", id, true));
    QVERIFY(!ann.waitFor(viewersFrame(id, QStringLiteral("agt_ann:typing, agt_bob:typing(note)"))).isEmpty());
    HttpClient annHttp(m_server.port(), agentToken("agt_ann"));
    const HttpResult sent = annHttp.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/agent-messages"),
        {{QStringLiteral("content"), QStringLiteral("Hello, Ann here. I am looking into it.")}});
    QCOMPARE(sent.status, 201);
    QVERIFY2(!bob.waitFor(viewersFrame(id, QStringLiteral("agt_ann, agt_bob:typing(note)"))).isEmpty(),
        "a sent reply ends its typing");

    // Bob leaves: Ann sees only herself.
    bob.send(say("left", id));
    QVERIFY(!ann.waitFor(viewersFrame(id, QStringLiteral("agt_ann"))).isEmpty());
}

void TestCsApiViewers::aClosedConnectionLeavesAtOnce()
{
    const QString id = newSession();
    WsClient ann;
    QVERIFY(ann.open(m_server.port(), agentToken("agt_ann"), subscribeTo(id)));
    {
        WsClient bob;
        QVERIFY(bob.open(m_server.port(), agentToken("agt_bob"), subscribeTo(id)));
        bob.send(say("typing", id));
        QVERIFY(!ann.waitFor(viewersFrame(id, QStringLiteral("agt_bob:typing"))).isEmpty());
        bob.socket.close();
    }
    QVERIFY2(!ann.waitFor(viewersFrame(id, QString())).isEmpty(), "the closed connection left");
}

void TestCsApiViewers::customersCannotView()
{
    const QString id = newSession();
    WsClient ben;
    QVERIFY(ben.open(m_server.port(), m_server.token(api::Role::Client), subscribeTo(id)));
    ben.send(say("viewing", id));
    const QJsonObject refused = ben.waitFor(QStringLiteral("error"));
    QCOMPARE(str(refused.value(QLatin1String("error")).toObject(), "code"), QStringLiteral("CS_013"));
    // An agent naming a session of no company of theirs is told it does not exist.
    WsClient ann;
    QVERIFY(ann.open(m_server.port(), agentToken("agt_ann")));
    ann.send(say("viewing", QStringLiteral("sess_nope")));
    QCOMPARE(str(ann.waitFor(QStringLiteral("error")).value(QLatin1String("error")).toObject(), "code"),
        QStringLiteral("CS_002"));
}

QTEST_GUILESS_MAIN(TestCsApiViewers)
#include "tst_csapi_viewers.moc"
