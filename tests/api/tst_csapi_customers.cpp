// The company's customers against a real server on 127.0.0.1: create and replace, search,
// the field rules, CSV and NDJSON imports (matching, bad rows, the dry run), and erasure
// (the transcript masked, client tokens void, and the erased words in no byte of the
// database file or its write-ahead log).
#include "tests/api/ApiTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiCustomers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void putCreatesThenReplaces();
    void searchMatchesIdNameEmailAndPhone();
    void rolesAndUnknownCustomers();
    void badFieldsNameTheField_data();
    void badFieldsNameTheField();
    void csvImportMatchesAndReportsBadRows();
    void dryRunReportsTheSameAndChangesNothing();
    void ndjsonImportAndALargeFile();
    void importRefusesWhatItCannotRead();
    void erasureMasksTheTranscriptAndVoidsTokens();

private:
    QString path(const QString &tail, const QList<QPair<QString, QString>> &query = {}) const
    {
        QList<QPair<QString, QString>> items{{QStringLiteral("companyId"), m_server.companyId()}};
        items += query;
        return withQuery(QStringLiteral("/api/cs/customers") + tail, items);
    }
    HttpResult import(const QByteArray &body, const QByteArray &type, bool dryRun = false)
    {
        return m_admin->send("POST",
            path(QStringLiteral("/import"),
                dryRun ? QList<QPair<QString, QString>>{{QStringLiteral("dryRun"), QStringLiteral("true")}}
                       : QList<QPair<QString, QString>>{}),
            body, {{"Content-Type", type}}, true, 120000);
    }
    QJsonObject customer(const QString &id) { return m_admin->get(path(QLatin1Char('/') + id)).json(); }
    // Every byte of the SQLite database and its write-ahead log (nothing on PostgreSQL).
    QByteArray storedBytes()
    {
        QByteArray all;
        const QString db = m_server.runtime().store().db().path();
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(db + suffix);
            if (!m_server.runtime().store().db().postgres() && file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiCustomers::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiCustomers::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

void TestCsApiCustomers::putCreatesThenReplaces()
{
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Iris Novak")},
        {QStringLiteral("email"), QStringLiteral("Iris.Novak@Example.com")},
        {QStringLiteral("phone"), QStringLiteral("+49 30 1234-5678")}, {QStringLiteral("tier"), QStringLiteral("gold")},
        {QStringLiteral("lifetimeValue"), 120.5}, {QStringLiteral("isVIP"), true},
        {QStringLiteral("attributes"),
            QJsonObject{{QStringLiteral("shopifyId"), QStringLiteral("gid://1")}, {QStringLiteral("orders"), 3},
                {QStringLiteral("newsletter"), false}}}};
    HttpResult r = m_admin->put(path(QStringLiteral("/cus_iris")), body);
    QVERIFY2(r.status == 201, describe(r));
    QJsonObject c = r.json();
    QCOMPARE(c.value(QLatin1String("id")).toString(), QStringLiteral("cus_iris"));
    QCOMPARE(c.value(QLatin1String("email")).toString(), QStringLiteral("iris.novak@example.com"));
    QCOMPARE(c.value(QLatin1String("phone")).toString(), QStringLiteral("+493012345678"));
    QCOMPARE(c.value(QLatin1String("tier")).toString(), QStringLiteral("GOLD"));
    QCOMPARE(c.value(QLatin1String("creditBalance")).toDouble(), 0.0);
    QCOMPARE(c.value(QLatin1String("attributes")).toObject().value(QLatin1String("orders")).toInt(), 3);
    QVERIFY(c.value(QLatin1String("subscription")).isNull());
    QVERIFY(!c.value(QLatin1String("createdAt")).toString().isEmpty());

    r = m_admin->put(path(QStringLiteral("/cus_iris")), {{QStringLiteral("name"), QStringLiteral("Iris N. Novak")}});
    QVERIFY2(r.status == 200, describe(r));
    c = customer(QStringLiteral("cus_iris"));
    QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("Iris N. Novak"));
    QCOMPARE(c.value(QLatin1String("email")).toString(), QString()); // replaced: not given, so none
    QVERIFY(c.value(QLatin1String("attributes")).toObject().isEmpty());
    // A demo customer's subscription and balance are kept by a PUT that does not name them.
    r = m_admin->put(path(QStringLiteral("/cust_alice")), {{QStringLiteral("name"), QStringLiteral("Alice Moreno")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("subscription")).toObject().value(QLatin1String("plan")).toString(),
        QStringLiteral("plus"));
}

void TestCsApiCustomers::searchMatchesIdNameEmailAndPhone()
{
    QVERIFY(m_admin
                ->put(path(QStringLiteral("/cus_search")),
                    {{QStringLiteral("name"), QStringLiteral("Quentin Searchable")},
                        {QStringLiteral("email"), QStringLiteral("q.s@findme.example")},
                        {QStringLiteral("phone"), QStringLiteral("+15550001111")}})
                .status
        == 201);
    for (const QString &q : {QStringLiteral("searchable"), QStringLiteral("FINDME"), QStringLiteral("5550001"),
             QStringLiteral("cus_sea")}) {
        const HttpResult r = m_admin->get(path(QString(), {{QStringLiteral("q"), q}}));
        QVERIFY2(r.status == 200, describe(r));
        const QJsonArray found = r.json().value(QLatin1String("customers")).toArray();
        QVERIFY2(found.size() == 1, qPrintable(q));
        QCOMPARE(found.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("cus_search"));
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 1);
    }
    // Paging: the demo store's eight and those made here, two at a time.
    const HttpResult page = m_admin->get(path(
        QString(), {{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("offset"), QStringLiteral("1")}}));
    QCOMPARE(page.json().value(QLatin1String("customers")).toArray().size(), 2);
    QVERIFY(page.json().value(QLatin1String("total")).toInt() >= 10);
    QCOMPARE(page.json().value(QLatin1String("offset")).toInt(), 1);
    // A wildcard is a character like any other.
    QCOMPARE(m_admin->get(path(QString(), {{QStringLiteral("q"), QStringLiteral("%")}}))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        0);
    QVERIFY(checkErrorBody(
        m_admin->get(path(QString(), {{QStringLiteral("limit"), QStringLiteral("0")}})), 400, QStringLiteral("CS_011"))
                .isEmpty());
}

void TestCsApiCustomers::rolesAndUnknownCustomers()
{
    auto agent = m_server.client(api::Role::Agent);
    QCOMPARE(agent->get(path(QStringLiteral("/cust_ben"))).status, 200);
    QString e
        = checkErrorBody(agent->put(path(QStringLiteral("/cust_ben")), {{QStringLiteral("name"), QStringLiteral("x")}}),
            403, QStringLiteral("CS_013"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    e = checkErrorBody(agent->del(path(QStringLiteral("/cust_ben"))), 403, QStringLiteral("CS_013"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    e = checkErrorBody(m_admin->get(path(QStringLiteral("/nobody"))), 404, QStringLiteral("CS_014"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    // Another company's admin sees none of them.
    const QString other = m_server.createCompany(QStringLiteral("Other Co"));
    HttpClient otherAdmin(m_server.port(), m_server.token(api::Role::Admin, other));
    QCOMPARE(otherAdmin.get(path(QStringLiteral("/cust_ben"))).status, 404);
}

void TestCsApiCustomers::badFieldsNameTheField_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonValue name(QStringLiteral("Some One"));
    QTest::newRow("no name") << QJsonObject{} << QStringLiteral("name");
    QTest::newRow("email") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("email"), QStringLiteral("not-an-address")}}
                           << QStringLiteral("email");
    QTest::newRow("phone") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("phone"), QStringLiteral("12ab")}}
                           << QStringLiteral("phone");
    QTest::newRow("short phone") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("phone"), QStringLiteral("+123")}}
                                 << QStringLiteral("phone");
    QTest::newRow("negative value") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("lifetimeValue"), -1}}
                                    << QStringLiteral("lifetimeValue");
    QTest::newRow("vip text") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("isVIP"), QStringLiteral("yes")}}
                              << QStringLiteral("isVIP");
    QJsonObject many;
    for (int i = 0; i < 51; ++i)
        many.insert(QStringLiteral("k%1").arg(i), i);
    QTest::newRow("51 attributes") << QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("attributes"), many}}
                                   << QStringLiteral("attributes");
    QTest::newRow("nested attribute") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("a"), QJsonObject{}}}}}
                                      << QStringLiteral("attributes");
    QTest::newRow("9 KiB attributes") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("a"), QString(9000, QLatin1Char('x'))}}}}
                                      << QStringLiteral("attributes");
    QTest::newRow("subscription status") << QJsonObject{{QStringLiteral("name"), name},
        {QStringLiteral("subscription"),
            QJsonObject{
                {QStringLiteral("plan"), QStringLiteral("plus")}, {QStringLiteral("status"), QStringLiteral("gone")}}}}
                                         << QStringLiteral("subscription");
}

void TestCsApiCustomers::badFieldsNameTheField()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const HttpResult r = m_admin->put(path(QStringLiteral("/cus_bad")), body);
    const QString e = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    QCOMPARE(r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("field"))
                 .toString(),
        field);
    QCOMPARE(m_admin->get(path(QStringLiteral("/cus_bad"))).status, 404); // nothing stored
    QCOMPARE(
        checkErrorBody(m_admin->put(path(QStringLiteral("/bad%20id")), {{QStringLiteral("name"), QStringLiteral("x")}}),
            400, QStringLiteral("CS_011")),
        QString());
}

void TestCsApiCustomers::csvImportMatchesAndReportsBadRows()
{
    QVERIFY(m_admin
                ->put(path(QStringLiteral("/cus_byemail")),
                    {{QStringLiteral("name"), QStringLiteral("Old Name")},
                        {QStringLiteral("email"), QStringLiteral("match.me@example.com")}})
                .status
        == 201);
    QVERIFY(m_admin
                ->put(path(QStringLiteral("/cus_byphone")),
                    {{QStringLiteral("name"), QStringLiteral("Phone Person")},
                        {QStringLiteral("phone"), QStringLiteral("+441632960001")}})
                .status
        == 201);
    const QByteArray csv = "id,name,email,phone,tier,isVIP,lifetimeValue,shopifyId\n"
                           "cus_csv1,\"Nora, the first\",nora@example.com,,silver,true,10.5,gid-1\n"
                           ",New Name,MATCH.ME@example.com,,,,,gid-2\n"
                           "cus_csv2,\"Two\nLines\",,,,,,\n"
                           "cus_bad1,Bad Mail,nope,,,,,\n"
                           ",Phone Person,,+44 1632 960001,,,,gid-3\n"
                           "cus_bad2,Bad Value,,,,,-5,\n";
    const HttpResult r = import(csv, "text/csv; charset=utf-8");
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject report = r.json();
    QCOMPARE(report.value(QLatin1String("created")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("updated")).toInt(), 2);
    QCOMPARE(report.value(QLatin1String("unchanged")).toInt(), 0);
    const QJsonArray failed = report.value(QLatin1String("failed")).toArray();
    QCOMPARE(failed.size(), 3);
    // The header is line 1; a name is one line, and the quoted line break makes cus_bad1 start on line 6.
    QCOMPARE(failed.at(0).toObject().value(QLatin1String("line")).toInt(), 4);
    QCOMPARE(failed.at(0).toObject().value(QLatin1String("field")).toString(), QStringLiteral("name"));
    QCOMPARE(failed.at(1).toObject().value(QLatin1String("line")).toInt(), 6);
    QCOMPARE(failed.at(1).toObject().value(QLatin1String("field")).toString(), QStringLiteral("email"));
    QCOMPARE(failed.at(2).toObject().value(QLatin1String("line")).toInt(), 8);
    QCOMPARE(failed.at(2).toObject().value(QLatin1String("field")).toString(), QStringLiteral("lifetimeValue"));

    const QJsonObject nora = customer(QStringLiteral("cus_csv1"));
    QCOMPARE(nora.value(QLatin1String("name")).toString(), QStringLiteral("Nora, the first"));
    QCOMPARE(nora.value(QLatin1String("tier")).toString(), QStringLiteral("SILVER"));
    QVERIFY(nora.value(QLatin1String("isVIP")).toBool());
    QCOMPARE(nora.value(QLatin1String("attributes")).toObject().value(QLatin1String("shopifyId")).toString(),
        QStringLiteral("gid-1"));
    const QJsonObject byEmail = customer(QStringLiteral("cus_byemail"));
    QCOMPARE(byEmail.value(QLatin1String("name")).toString(), QStringLiteral("New Name"));
    const QJsonObject byPhone = customer(QStringLiteral("cus_byphone"));
    QCOMPARE(byPhone.value(QLatin1String("attributes")).toObject().value(QLatin1String("shopifyId")).toString(),
        QStringLiteral("gid-3"));
    QCOMPARE(m_admin->get(path(QStringLiteral("/cus_csv2"))).status, 404);
    QCOMPARE(m_admin->get(path(QStringLiteral("/cus_bad1"))).status, 404);

    // The same file again changes nothing.
    const QJsonObject again = import(csv, "text/csv").json();
    QCOMPARE(again.value(QLatin1String("unchanged")).toInt(), 3);
    QCOMPARE(again.value(QLatin1String("created")).toInt() + again.value(QLatin1String("updated")).toInt(), 0);
}

void TestCsApiCustomers::dryRunReportsTheSameAndChangesNothing()
{
    const QByteArray csv = "id,name,email\n"
                           "cus_dry1,Dry One,dry@example.com\n"
                           ",Dry Again,dry@example.com\n" // matches the row above, as a real run would
                           "cus_alice,,\n";
    const int before = m_admin->get(path(QString())).json().value(QLatin1String("total")).toInt();
    const HttpResult dry = import(csv, "text/csv", true);
    QVERIFY2(dry.status == 200, describe(dry));
    QCOMPARE(m_admin->get(path(QString())).json().value(QLatin1String("total")).toInt(), before);
    QCOMPARE(m_admin->get(path(QStringLiteral("/cus_dry1"))).status, 404);
    const HttpResult real = import(csv, "text/csv");
    QCOMPARE(dry.json(), real.json());
    QCOMPARE(real.json().value(QLatin1String("created")).toInt(), 1);
    QCOMPARE(real.json().value(QLatin1String("updated")).toInt(), 1);
    QCOMPARE(real.json().value(QLatin1String("failed")).toArray().size(), 1); // no name
    QCOMPARE(customer(QStringLiteral("cus_dry1")).value(QLatin1String("name")).toString(), QStringLiteral("Dry Again"));
}

void TestCsApiCustomers::ndjsonImportAndALargeFile()
{
    QByteArray ndjson = "{\"id\":\"cus_nd1\",\"name\":\"Nd One\",\"attributes\":{\"plan\":\"pro\"}}\n"
                        "not json\n"
                        "\n"
                        "{\"id\":7,\"name\":\"Numeric id\"}\n";
    HttpResult r = import(ndjson, "application/x-ndjson");
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("created")).toInt(), 1);
    const QJsonArray failed = r.json().value(QLatin1String("failed")).toArray();
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(0).toObject().value(QLatin1String("line")).toInt(), 2);
    QCOMPARE(failed.at(1).toObject().value(QLatin1String("line")).toInt(), 4);
    QCOMPARE(failed.at(1).toObject().value(QLatin1String("field")).toString(), QStringLiteral("id"));

    // Beyond the 1 MB of every other request: an import is a file.
    QByteArray big = "id,name,email\n";
    for (int i = 0; big.size() < 2 * 1024 * 1024; ++i)
        big += QStringLiteral("cus_big%1,Big Customer %1,big%1@example.com\n").arg(i).toUtf8();
    r = import(big, "text/csv");
    QVERIFY2(r.status == 200, describe(r));
    QVERIFY(r.json().value(QLatin1String("created")).toInt() > 30000);
    QVERIFY(r.json().value(QLatin1String("failed")).toArray().isEmpty());
}

void TestCsApiCustomers::importRefusesWhatItCannotRead()
{
    QString e = checkErrorBody(import("id,name\n", "application/json"), 400, QStringLiteral("CS_011"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    e = checkErrorBody(import("id,email\ncus_x,x@example.com\n", "text/csv"), 400, QStringLiteral("CS_011"));
    QVERIFY2(e.isEmpty(), qPrintable(e)); // no name column
    e = checkErrorBody(import("id,name\n\xff\xfe,x\n", "text/csv"), 400, QStringLiteral("CS_011"));
    QVERIFY2(e.isEmpty(), qPrintable(e)); // not UTF-8
    e = checkErrorBody(import("", "text/csv"), 400, QStringLiteral("CS_011"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    // Only an admin imports.
    auto agent = m_server.client(api::Role::Agent);
    const HttpResult r
        = agent->send("POST", path(QStringLiteral("/import")), "id,name\nx,y\n", {{"Content-Type", "text/csv"}});
    QCOMPARE(r.status, 403);
}

void TestCsApiCustomers::erasureMasksTheTranscriptAndVoidsTokens()
{
    const QString name = QStringLiteral("Zelda Erasable");
    const QString email = QStringLiteral("zelda.erasable@example.com");
    const QString phone = QStringLiteral("+4915112345678");
    QVERIFY(m_admin
                ->put(path(QStringLiteral("/cus_zelda")),
                    {{QStringLiteral("name"), name}, {QStringLiteral("email"), email}, {QStringLiteral("phone"), phone},
                        {QStringLiteral("attributes"),
                            QJsonObject{{QStringLiteral("street"), QStringLiteral("Secret Lane 5")}}}})
                .status
        == 201);
    HttpClient client(m_server.port(),
        m_server.token(api::Role::Client, {}, 3600, QStringLiteral("widget"), QStringLiteral("cus_zelda")));
    const HttpResult made = client.post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cus_zelda"),
            QStringLiteral("Hi, I am Zelda Erasable, write to zelda.erasable@example.com or call +49 151 12345678")));
    QVERIFY2(made.status == 201, describe(made));
    const QString session = made.json().value(QLatin1String("id")).toString();
    QVERIFY(!session.isEmpty());
    // The files are where the check below looks: before the erasure they hold the words.
    QVERIFY(m_server.runtime().store().batch().flush());
    QVERIFY(storedBytes().contains(email.toUtf8()) || m_server.runtime().store().db().postgres());

    QCOMPARE(m_admin->del(path(QStringLiteral("/cus_zelda"))).status, 204);
    const QJsonObject erased = customer(QStringLiteral("cus_zelda"));
    QCOMPARE(erased.value(QLatin1String("name")).toString(), QString());
    QCOMPARE(erased.value(QLatin1String("email")).toString(), QString());
    QCOMPARE(erased.value(QLatin1String("phone")).toString(), QString());
    QVERIFY(erased.value(QLatin1String("attributes")).toObject().isEmpty());
    QVERIFY(!erased.value(QLatin1String("erasedAt")).toString().isEmpty());

    // The session stays, its words masked.
    const HttpResult s = m_admin->get(QStringLiteral("/api/cs/sessions/") + session);
    QVERIFY2(s.status == 200, describe(s));
    const QByteArray transcript = s.body;
    QVERIFY(transcript.contains("[erased email]"));
    for (const QString &gone : {email, QStringLiteral("12345678"), QStringLiteral("Zelda")})
        QVERIFY2(!transcript.contains(gone.toUtf8()), qPrintable(gone));
    // The customer's token no longer works; an admin's does.
    QCOMPARE(client.get(QStringLiteral("/api/cs/sessions/") + session).status, 401);
    QCOMPARE(checkErrorBody(m_admin->del(path(QStringLiteral("/nobody"))), 404, QStringLiteral("CS_014")), QString());

    // No byte of the database or its log holds the erased words.
    QVERIFY(m_server.runtime().store().batch().flush());
    const QByteArray bytes = storedBytes();
    for (const QString &gone : {email, phone, name, QStringLiteral("Secret Lane")})
        QVERIFY2(!bytes.contains(gone.toUtf8()), qPrintable(gone));
    const QVariant audited = m_server.scalar(QStringLiteral(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'customer.erase' AND resource = 'customer:cus_zelda'"));
    QCOMPARE(audited.toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCsApiCustomers)
#include "tst_csapi_customers.moc"
