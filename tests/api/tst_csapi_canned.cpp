// Canned responses against a real server on 127.0.0.1: CRUD and its roles,
// placeholder checks at save, and rendering for a session.
#include "tests/api/ApiTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QJsonObject canned(const QString &shortcut, const QString &content, const QString &title = QStringLiteral("A title"))
{
    return {
        {QStringLiteral("shortcut"), shortcut}, {QStringLiteral("title"), title}, {QStringLiteral("content"), content}};
}

} // namespace

class TestCsApiCanned : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void crudAndRoles();
    void unknownPlaceholdersAreRefused_data();
    void unknownPlaceholdersAreRefused();
    void limitsOfTheFields_data();
    void limitsOfTheFields();
    void renderFillsWhatItKnows();
    void renderFlagsMissingValues();
    void renderNeedsAKnownSessionAndResponse();

private:
    QString collection() const
    {
        return withQuery(
            QStringLiteral("/api/cs/canned-responses"), {{QStringLiteral("companyId"), m_server.companyId()}});
    }
    QString create(const QJsonObject &body);
    QString newSession(const QString &customer, const QString &initial);

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_supervisor;
    std::unique_ptr<HttpClient> m_agent;
    QString m_agentId;
};

void TestCsApiCanned::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_supervisor = m_server.client(api::Role::Supervisor);
    NewAgent a;
    a.companyId = m_server.companyId();
    a.email = QStringLiteral("ann@example.com");
    a.name = QStringLiteral("Ann Agent");
    const auto agent = m_server.runtime().agents().create(a, QStringLiteral("correct horse battery"), Actor{});
    QVERIFY(agent.ok());
    m_agentId = agent->id;
    m_server.runtime().store().batch().flush();
    HttpClient anonymous(m_server.port());
    const HttpResult login = anonymous.post(QStringLiteral("/api/cs/auth/login"),
        {{QStringLiteral("email"), a.email}, {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
    QVERIFY2(login.status == 200, describe(login));
    m_agent = std::make_unique<HttpClient>(
        m_server.port(), login.json().value(QLatin1String("token")).toString().toLatin1());
}

void TestCsApiCanned::cleanupTestCase()
{
    m_agent.reset();
    m_supervisor.reset();
    m_server.stop();
}

QString TestCsApiCanned::create(const QJsonObject &body)
{
    const HttpResult r = m_supervisor->post(collection(), body);
    return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
}

QString TestCsApiCanned::newSession(const QString &customer, const QString &initial)
{
    const HttpResult r
        = m_supervisor->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), customer, initial));
    return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
}

void TestCsApiCanned::crudAndRoles()
{
    HttpResult r = m_supervisor->post(collection(),
        canned(QStringLiteral("greet"), QStringLiteral("Hello {{customer.firstName}}!"), QStringLiteral("Greeting")));
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject made = r.json();
    const QString id = made.value(QLatin1String("id")).toString();
    QVERIFY(id.startsWith(QLatin1String("cr_")));
    QCOMPARE(made.value(QLatin1String("shortcut")).toString(), QStringLiteral("greet"));
    QCOMPARE(made.value(QLatin1String("title")).toString(), QStringLiteral("Greeting"));
    QCOMPARE(made.value(QLatin1String("content")).toString(), QStringLiteral("Hello {{customer.firstName}}!"));
    QVERIFY(!made.value(QLatin1String("createdAt")).toString().isEmpty());
    QCOMPARE(made.value(QLatin1String("updatedAt")), made.value(QLatin1String("createdAt")));

    // Agents read; only supervisors and above write.
    r = m_agent->get(collection());
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("cannedResponses")).toArray().size(), 1);
    QCOMPARE(r.json().value(QLatin1String("cannedResponses")).toArray().first().toObject(), made);
    r = m_agent->get(QStringLiteral("/api/cs/canned-responses/") + id);
    QCOMPARE(r.json(), made);
    r = m_agent->post(collection(), canned(QStringLiteral("mine"), QStringLiteral("text")));
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    r = m_agent->put(
        QStringLiteral("/api/cs/canned-responses/") + id, {{QStringLiteral("title"), QStringLiteral("x")}});
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    r = m_agent->del(QStringLiteral("/api/cs/canned-responses/") + id);
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    r = m_server.client(api::Role::Client)->get(collection());
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));

    // A shortcut is unique per company.
    r = m_supervisor->post(collection(), canned(QStringLiteral("greet"), QStringLiteral("again")));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r));
    const QString other = create(canned(QStringLiteral("bye"), QStringLiteral("Goodbye")));
    QVERIFY(!other.isEmpty());
    r = m_supervisor->put(
        QStringLiteral("/api/cs/canned-responses/") + other, {{QStringLiteral("shortcut"), QStringLiteral("greet")}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r));

    r = m_supervisor->put(QStringLiteral("/api/cs/canned-responses/") + id,
        {{QStringLiteral("content"), QStringLiteral("Hi {{ customer.name }}")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("content")).toString(), QStringLiteral("Hi {{ customer.name }}"));
    QCOMPARE(r.json().value(QLatin1String("shortcut")).toString(), QStringLiteral("greet"));

    // Another company sees none of it.
    auto stranger = m_server.client(api::Role::Admin, m_server.createCompany(QStringLiteral("Stranger")));
    r = stranger->get(QStringLiteral("/api/cs/canned-responses/") + id);
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    r = stranger->get(collection());
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    r = stranger->del(QStringLiteral("/api/cs/canned-responses/") + id);
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));

    r = m_supervisor->del(QStringLiteral("/api/cs/canned-responses/") + other);
    QCOMPARE(r.status, 204);
    r = m_supervisor->get(QStringLiteral("/api/cs/canned-responses/") + other);
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    QCOMPARE(m_agent->get(collection()).json().value(QLatin1String("cannedResponses")).toArray().size(), 1);
}

void TestCsApiCanned::unknownPlaceholdersAreRefused_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("placeholder");
    QTest::newRow("unknown name") << QStringLiteral("Your mail is {{customer.email}}")
                                  << QStringLiteral("{{customer.email}}");
    QTest::newRow("among known ones") << QStringLiteral("{{agent.name}} here, {{order.total}}")
                                      << QStringLiteral("{{order.total}}");
    QTest::newRow("empty") << QStringLiteral("Hi {{}}") << QStringLiteral("{{}}");
    QTest::newRow("wrong case") << QStringLiteral("{{Customer.Name}}") << QStringLiteral("{{Customer.Name}}");
}

void TestCsApiCanned::unknownPlaceholdersAreRefused()
{
    QFETCH(QString, content);
    QFETCH(QString, placeholder);
    const HttpResult r
        = m_supervisor->post(collection(), canned(QStringLiteral("bad-") + QString::number(qHash(content)), content));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    const QJsonObject details = r.error().value(QLatin1String("details")).toObject();
    QCOMPARE(details.value(QLatin1String("placeholder")).toString(), placeholder);
    QVERIFY(r.error().value(QLatin1String("message")).toString().contains(placeholder));
    QVERIFY(details.value(QLatin1String("allowed")).toArray().contains(QStringLiteral("order.id")));
}

void TestCsApiCanned::limitsOfTheFields_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no shortcut") << QJsonObject{{QStringLiteral("title"), QStringLiteral("t")},
        {QStringLiteral("content"), QStringLiteral("c")}}
                                 << QStringLiteral("shortcut");
    QTest::newRow("shortcut with a space")
        << canned(QStringLiteral("two words"), QStringLiteral("c")) << QStringLiteral("shortcut");
    QTest::newRow("shortcut too long") << canned(QString(33, QLatin1Char('s')), QStringLiteral("c"))
                                       << QStringLiteral("shortcut");
    QTest::newRow("empty title") << canned(QStringLiteral("t1"), QStringLiteral("c"), QStringLiteral(" "))
                                 << QStringLiteral("title");
    QTest::newRow("title too long") << canned(QStringLiteral("t2"), QStringLiteral("c"), QString(101, QLatin1Char('t')))
                                    << QStringLiteral("title");
    QTest::newRow("content too long") << canned(QStringLiteral("t3"), QString(4001, QLatin1Char('c')))
                                      << QStringLiteral("content");
    QTest::newRow("content not a string") << QJsonObject{{QStringLiteral("shortcut"), QStringLiteral("t4")},
        {QStringLiteral("title"), QStringLiteral("t")}, {QStringLiteral("content"), 5}}
                                          << QStringLiteral("content");
}

void TestCsApiCanned::limitsOfTheFields()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const HttpResult r = m_supervisor->post(collection(), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), field);
}

void TestCsApiCanned::renderFillsWhatItKnows()
{
    const QString id = create(canned(QStringLiteral("full"),
        QStringLiteral("Hi {{customer.firstName}} ({{customer.name}}), {{agent.name}} of {{company.name}} "
                       "on {{order.id}} in {{session.id}}.")));
    QVERIFY(!id.isEmpty());
    // Ben's latest order is ORD-10004; the session names ORD-10005, which is his too.
    const QString session = newSession(QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10005?"));
    QVERIFY(!session.isEmpty());
    HttpResult r = m_agent->post(
        QStringLiteral("/api/cs/canned-responses/%1/render").arg(id), {{QStringLiteral("sessionId"), session}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("content")).toString(),
        QStringLiteral("Hi Benjamin (Benjamin Okafor), Ann Agent of Northwind Outfitters on ORD-10005 in %1.")
            .arg(session));
    QCOMPARE(r.json().value(QLatin1String("missing")).toArray(), QJsonArray());

    // An order of another customer named in the session is not taken: Ben's latest is.
    const QString other = newSession(QStringLiteral("cust_ben"), QStringLiteral("What about order ORD-10001?"));
    r = m_agent->post(
        QStringLiteral("/api/cs/canned-responses/%1/render").arg(id), {{QStringLiteral("sessionId"), other}});
    QVERIFY2(r.status == 200, describe(r));
    QVERIFY2(
        r.json().value(QLatin1String("content")).toString().contains(QLatin1String("on ORD-10004 in")), describe(r));
    // A token without a name claim (token create): the subject stands for the agent's name.
    r = m_supervisor->post(
        QStringLiteral("/api/cs/canned-responses/%1/render").arg(id), {{QStringLiteral("sessionId"), session}});
    QVERIFY2(r.json().value(QLatin1String("content")).toString().contains(QLatin1String("tester of Northwind")),
        describe(r));
}

void TestCsApiCanned::renderFlagsMissingValues()
{
    const QString id = create(
        canned(QStringLiteral("order"), QStringLiteral("Dear {{customer.name}}, about {{ order.id }}: {{order.id}}")));
    QVERIFY(!id.isEmpty());
    // A customer the store does not know: no name, no orders.
    const QString session = newSession(QStringLiteral("cust_walkin"), QStringLiteral("Hello there"));
    QVERIFY(!session.isEmpty());
    const HttpResult r = m_agent->post(
        QStringLiteral("/api/cs/canned-responses/%1/render").arg(id), {{QStringLiteral("sessionId"), session}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("content")).toString(),
        QStringLiteral("Dear {{customer.name}}, about {{order.id}}: {{order.id}}"));
    QCOMPARE(r.json().value(QLatin1String("missing")).toArray(),
        QJsonArray({QStringLiteral("{{customer.name}}"), QStringLiteral("{{order.id}}")}));
}

void TestCsApiCanned::renderNeedsAKnownSessionAndResponse()
{
    const QString id = create(canned(QStringLiteral("plain"), QStringLiteral("Thanks!")));
    HttpResult r = m_agent->post(QStringLiteral("/api/cs/canned-responses/%1/render").arg(id),
        {{QStringLiteral("sessionId"), QStringLiteral("sess_nope")}});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_002")).isEmpty(), describe(r));
    r = m_agent->post(QStringLiteral("/api/cs/canned-responses/%1/render").arg(id), QJsonObject{});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    const QString session = newSession(QStringLiteral("cust_ben"), QStringLiteral("Hi"));
    r = m_agent->post(
        QStringLiteral("/api/cs/canned-responses/cr_nope/render"), {{QStringLiteral("sessionId"), session}});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
}

QTEST_GUILESS_MAIN(TestCsApiCanned)
#include "tst_csapi_canned.moc"
