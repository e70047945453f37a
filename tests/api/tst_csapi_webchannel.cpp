// The web channel's settings over the real server: GET /api/cs/channels/web (the defaults
// before any PUT), PUT (fields replaced, the rest kept, bad input 400 CS_011 naming the field,
// nothing stored), the snippet with the company's widget key, the identity secret shown once and
// replaced at once, and who may do it.
#include "tests/api/ApiTestSupport.h"

#include "core/runtime/Runtime.h"

#include <QJsonArray>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiWebChannel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void theDefaultsBeforeAnyPut();
    void aPutReplacesWhatItGivesAndMakesTheSnippet();
    void badInputNamesTheFieldAndStoresNothing_data();
    void badInputNamesTheFieldAndStoresNothing();
    void theIdentitySecretIsShownOnceAndReplaced();
    void onlyAnAdminOfTheCompany();

private:
    QString path(const char *tail = "") const
    {
        return withQuery(QStringLiteral("/api/cs/channels/web") + QLatin1String(tail),
            {{QStringLiteral("companyId"), m_server->companyId()}});
    }

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiWebChannel::init()
{
    m_server = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_server->start({}, false, &error), qPrintable(error));
    m_admin = m_server->client(api::Role::Admin);
}

void TestCsApiWebChannel::cleanup()
{
    m_admin.reset();
    m_server.reset();
}

void TestCsApiWebChannel::theDefaultsBeforeAnyPut()
{
    const HttpResult r = m_admin->get(path());
    QCOMPARE(r.status, 200);
    const QJsonObject web = r.json();
    QCOMPARE(web.value(QLatin1String("identity")).toString(), QStringLiteral("off"));
    QCOMPARE(web.value(QLatin1String("allowedOrigins")).toArray().size(), 0);
    QCOMPARE(web.value(QLatin1String("position")).toString(), QStringLiteral("right"));
    QCOMPARE(web.value(QLatin1String("attachments")).toObject().value(QLatin1String("maxMB")).toInt(), 10);
    QCOMPARE(web.value(QLatin1String("identitySecretSet")).toBool(), false);
}

void TestCsApiWebChannel::aPutReplacesWhatItGivesAndMakesTheSnippet()
{
    HttpResult r = m_admin->put(path(),
        QJsonObject{
            {QStringLiteral("allowedOrigins"),
                QJsonArray{QStringLiteral("HTTPS://Shop.Example.com:443/"), QStringLiteral("http://localhost:8081")}},
            {QStringLiteral("title"), QStringLiteral("Northwind help")},
            {QStringLiteral("color"), QStringLiteral("#0a7d4f")},
            {QStringLiteral("identity"), QStringLiteral("optional")},
            {QStringLiteral("preChat"), QJsonObject{{QStringLiteral("askEmail"), true}}},
            {QStringLiteral("attachments"),
                QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("maxMB"), 5}}}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QJsonObject web = r.json();
    // Origins as browsers send them: lower case, no default port, no trailing slash.
    QCOMPARE(web.value(QLatin1String("allowedOrigins")).toArray(),
        (QJsonArray{QStringLiteral("https://shop.example.com"), QStringLiteral("http://localhost:8081")}));
    QCOMPARE(web.value(QLatin1String("preChat")).toObject().value(QLatin1String("askEmail")).toBool(), true);
    QCOMPARE(web.value(QLatin1String("preChat")).toObject().value(QLatin1String("askName")).toBool(), false);
    // The snippet carries the company's widget key (made now: it had none) and this server's address.
    const QString snippet = web.value(QLatin1String("snippet")).toString();
    QVERIFY2(snippet.startsWith(
                 QStringLiteral("<script src=\"http://127.0.0.1:%1/widget.js\" data-key=\"tdw_").arg(m_server->port())),
        qPrintable(snippet));
    QVERIFY(snippet.endsWith(QLatin1String("\" async></script>")));
    const HttpResult keys = m_admin->get(
        withQuery(QStringLiteral("/api/cs/tokens"), {{QStringLiteral("companyId"), m_server->companyId()}}));
    QVERIFY2(QString::fromUtf8(keys.body).contains(QLatin1String("Web channel")), keys.body.constData());

    // A later PUT changes what it names; the rest, and the same key, stay.
    r = m_admin->put(path(), QJsonObject{{QStringLiteral("greeting"), QStringLiteral("Hi! How can we help?")}});
    QCOMPARE(r.status, 200);
    web = m_admin->get(path()).json();
    QCOMPARE(web.value(QLatin1String("greeting")).toString(), QStringLiteral("Hi! How can we help?"));
    QCOMPARE(web.value(QLatin1String("title")).toString(), QStringLiteral("Northwind help"));
    QCOMPARE(web.value(QLatin1String("identity")).toString(), QStringLiteral("optional"));
    QCOMPARE(web.value(QLatin1String("attachments")).toObject().value(QLatin1String("maxMB")).toInt(), 5);
    QCOMPARE(web.value(QLatin1String("snippet")).toString(), snippet);
}

void TestCsApiWebChannel::badInputNamesTheFieldAndStoresNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("a path") << QByteArray(R"({"allowedOrigins": ["https://shop.example.com/help"]})")
                            << QStringLiteral("allowedOrigins");
    QTest::newRow("no scheme") << QByteArray(R"({"allowedOrigins": ["shop.example.com"]})")
                               << QStringLiteral("allowedOrigins");
    QTest::newRow("ftp") << QByteArray(R"({"allowedOrigins": ["ftp://shop.example.com"]})")
                         << QStringLiteral("allowedOrigins");
    QTest::newRow("not an array") << QByteArray(R"({"allowedOrigins": "https://shop.example.com"})")
                                  << QStringLiteral("allowedOrigins");
    QTest::newRow("colour") << QByteArray(R"({"color": "green"})") << QStringLiteral("color");
    QTest::newRow("short colour") << QByteArray(R"({"color": "#0a7"})") << QStringLiteral("color");
    QTest::newRow("position") << QByteArray(R"({"position": "top"})") << QStringLiteral("position");
    QTest::newRow("language") << QByteArray(R"({"language": "fr"})") << QStringLiteral("language");
    QTest::newRow("identity") << QByteArray(R"({"identity": "always"})") << QStringLiteral("identity");
    QTest::newRow("preChat") << QByteArray(R"({"preChat": {"askName": "yes"}})") << QStringLiteral("preChat.askName");
    QTest::newRow("maxMB") << QByteArray(R"({"attachments": {"maxMB": 500}})") << QStringLiteral("attachments.maxMB");
    QTest::newRow("maxMB fraction") << QByteArray(R"({"attachments": {"maxMB": 2.5}})")
                                    << QStringLiteral("attachments.maxMB");
    QTest::newRow("title") << QByteArray(R"({"title": ")" + QByteArray(61, 'x') + R"("})") << QStringLiteral("title");
    QTest::newRow("title of two lines") << QByteArray(R"({"title": "Help\nDesk"})") << QStringLiteral("title");
    QTest::newRow("greeting with a bell") << QByteArray(R"({"greeting": "Hi\u0007"})") << QStringLiteral("greeting");
}

void TestCsApiWebChannel::badInputNamesTheFieldAndStoresNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QCOMPARE(m_admin->put(path(), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kept")}}).status, 200);
    const HttpResult r = m_admin->send("PUT", path(), body, {{"Content-Type", "application/json"}});
    QVERIFY2(checkErrorBody(r, 400, QLatin1String("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("field"))
                 .toString(),
        field);
    QCOMPARE(m_admin->get(path()).json().value(QLatin1String("title")).toString(), QStringLiteral("Kept"));
}

void TestCsApiWebChannel::theIdentitySecretIsShownOnceAndReplaced()
{
    HttpResult r = m_admin->post(path("/identity-secret"), {});
    QCOMPARE(r.status, 201);
    const QString first = r.json().value(QLatin1String("secret")).toString();
    QCOMPARE(first.size(), 64);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(first).hasMatch());
    // Never shown again: only that there is one.
    const HttpResult get = m_admin->get(path());
    QCOMPARE(get.json().value(QLatin1String("identitySecretSet")).toBool(), true);
    QVERIFY(!get.body.contains(first.toUtf8()));
    // A PUT keeps it; a new one replaces it.
    QCOMPARE(m_admin->put(path(), QJsonObject{{QStringLiteral("identity"), QStringLiteral("required")}}).status, 200);
    QCOMPARE(m_server->runtime().channels().accounts().web(m_server->companyId())->identitySecret, first);
    r = m_admin->post(path("/identity-secret"), {});
    const QString second = r.json().value(QLatin1String("secret")).toString();
    QVERIFY(second != first);
    QCOMPARE(m_server->runtime().channels().accounts().web(m_server->companyId())->identitySecret, second);
    QCOMPARE(
        m_server->runtime().channels().accounts().web(m_server->companyId())->identity, QStringLiteral("required"));
    // Sealed in the store: the secret's text is nowhere in the database or its log.
    m_server->runtime().store().batch().flush();
    QByteArray stored;
    for (const char *file : {"/tierdesk.db", "/tierdesk.db-wal"}) {
        QFile f(m_server->dataDir() + QLatin1String(file));
        if (f.open(QIODevice::ReadOnly))
            stored += f.readAll();
    }
    QVERIFY(stored.contains("identitySecret") || stored.size() > 4096); // the file was read
    QVERIFY(!stored.contains(second.toUtf8()));
    QVERIFY(!stored.contains(first.toUtf8()));
}

void TestCsApiWebChannel::onlyAnAdminOfTheCompany()
{
    for (const api::Role role : {api::Role::Agent, api::Role::Supervisor}) {
        const auto client = m_server->client(role);
        QCOMPARE(client->get(path()).status, 403);
        QCOMPARE(client->post(path("/identity-secret"), {}).status, 403);
    }
    const QString other = m_server->createCompany(QStringLiteral("Company B"));
    const HttpResult r
        = m_admin->get(withQuery(QStringLiteral("/api/cs/channels/web"), {{QStringLiteral("companyId"), other}}));
    QCOMPARE(r.status, 404);
}

QTEST_GUILESS_MAIN(TestCsApiWebChannel)
#include "tst_csapi_webchannel.moc"
