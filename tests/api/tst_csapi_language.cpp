// The company setting `language` on a real server: PUT /config accepts "en" and "de"
// only, and once it is "de" the next reply, the hand-over with its SLA time and
// phone number, and a person's closing message are German.
#include "tests/api/ApiTestSupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString lastContent(const QJsonObject &session)
{
    return str(session.value(QLatin1String("messages")).toArray().last().toObject(), "content");
}

} // namespace

class TestCsApiLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void invalidLanguageIsRejected();
    void germanFromTheNextMessage();
    void handoverAndClosingInGerman();

private:
    QString configPath() const
    {
        return withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_server.companyId()}});
    }
    HttpResult setLanguage(const QJsonValue &language)
    {
        return m_admin->put(QStringLiteral("/api/cs/config"),
            {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("language"), language}});
    }
    QString path(const QString &sessionId, const char *what) const
    {
        return QStringLiteral("/api/cs/sessions/") + sessionId + QLatin1Char('/') + QLatin1String(what);
    }

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_ann; // agent of the orders queue
};

void TestCsApiLanguage::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"),
        {QStringLiteral("orders")}, QDateTime::currentMSecsSinceEpoch()));
    m_admin = m_server.client(api::Role::Admin);
    m_ann = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));
}

void TestCsApiLanguage::cleanupTestCase()
{
    m_admin.reset();
    m_ann.reset();
    m_server.stop();
}

void TestCsApiLanguage::invalidLanguageIsRejected()
{
    const HttpResult before = m_admin->get(configPath());
    QVERIFY2(before.status == 200, describe(before));
    QCOMPARE(str(before.json(), "language"), QStringLiteral("en"));
    for (const QJsonValue &bad : {QJsonValue(QStringLiteral("fr")), QJsonValue(QStringLiteral("DE")),
             QJsonValue(QString()), QJsonValue(1), QJsonValue(QJsonArray{QStringLiteral("de")})}) {
        const HttpResult r = setLanguage(bad);
        const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(QLatin1String("language")),
            describe(r));
    }
    QCOMPARE(m_admin->get(configPath()).json(), before.json());
}

void TestCsApiLanguage::germanFromTheNextMessage()
{
    QCOMPARE(setLanguage(QStringLiteral("en")).status, 200);
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("hi")));
    QVERIFY2(r.status == 201, describe(r));
    const QString id = str(r.json(), "id");
    QVERIFY2(
        lastContent(r.json()).contains(QLatin1String("How can I help you today?")), qPrintable(lastContent(r.json())));

    r = setLanguage(QStringLiteral("de"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(m_admin->get(configPath()).json(), "language"), QStringLiteral("de"));
    r = m_admin->post(path(id, "messages"),
        {{QStringLiteral("message"), QStringLiteral("i want my money back for the pants from ORD-10005")}});
    QVERIFY2(r.status == 201, describe(r));
    QString reply = str(r.json().value(QLatin1String("aiResponse")).toObject(), "content");
    QVERIFY2(reply.contains(QString::fromUtf8("Ich erstatte Ihnen 79,00 $"))
            && reply.contains(QString::fromUtf8("Soll ich das für Sie erledigen?")),
        qPrintable(reply));

    r = m_admin->post(path(id, "messages"), {{QStringLiteral("message"), QStringLiteral("yes")}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject ai = r.json().value(QLatin1String("aiResponse")).toObject();
    reply = str(ai, "content");
    QVERIFY2(
        reply.contains(QString::fromUtf8("Ich habe Ihnen 79,00 $")) && reply.contains(QString::fromUtf8("erstattet")),
        qPrintable(reply));
    const QJsonObject metadata = ai.value(QLatin1String("metadata")).toObject();
    QVERIFY(metadata.value(QLatin1String("actionsTaken")).toArray().contains(QStringLiteral("process_refund")));
    QVERIFY2(!metadata.contains(QLatin1String("replyGuard")), describe(r));
}

void TestCsApiLanguage::handoverAndClosingInGerman()
{
    HttpResult r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("language"), QStringLiteral("de")},
            {QStringLiteral("tiers"),
                QJsonObject{{QStringLiteral("humanAgent"),
                    QJsonObject{{QStringLiteral("escalationPhone"), QStringLiteral("+49 30 1234567")}}}}}});
    QVERIFY2(r.status == 200, describe(r));
    // Nobody is available: the hand-over says within what time a person answers, and whom to call.
    r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_alice"),
            QStringLiteral("Where is ORD-10001? I want to talk to a real person please")));
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(str(r.json(), "currentTier"), QStringLiteral("HUMAN_AGENT"));
    const QString handover = lastContent(r.json());
    QVERIFY2(handover.contains(QString::fromUtf8("an unser Support-Team übergeben"))
            && handover.contains(
                QRegularExpression(QString::fromUtf8("spätestens in (?:einer Minute|\\d+ Minuten|einer Stunde|\\d+ "
                                                     "Stunden|\\d+ Tagen) antwortet Ihnen hier eine Person")))
            && handover.contains(QString::fromUtf8("rufen Sie uns unter +49 30 1234567 an")),
        qPrintable(handover));
    QVERIFY2(!handover.contains(QLatin1String("within")), qPrintable(handover));

    // A person's resolve closes the conversation in German.
    const QString id = str(r.json(), "id");
    QCOMPARE(m_ann->post(path(id, "claim"), {}).status, 200);
    r = m_ann->post(path(id, "resolve"), {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")}});
    QVERIFY2(r.status == 200, describe(r));
    const QString closing = lastContent(m_admin->get(QStringLiteral("/api/cs/sessions/") + id).json());
    QVERIFY2(closing.startsWith(QString::fromUtf8("Dieses Gespräch ist nun abgeschlossen."))
            && closing.endsWith(QLatin1String("(Ann Archer)")),
        qPrintable(closing));
}

QTEST_GUILESS_MAIN(TestCsApiLanguage)
#include "tst_csapi_language.moc"
