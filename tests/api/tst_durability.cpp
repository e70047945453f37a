// An acknowledged write survives SIGKILL: runs the real `tierdesk serve`,
// kills it right after 2xx answers and reads the data back after a restart.
#include "tests/api/ApiTestSupport.h"

#include "tests/support/TestPaths.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestDurability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void acknowledgedMessagesSurviveKill();
    void webhookOutboxSurvivesRestart();
};

void TestDurability::initTestCase()
{
    QVERIFY2(QFileInfo(tierdeskExecutable()).isExecutable(), qPrintable(tierdeskExecutable()));
}

void TestDurability::acknowledgedMessagesSurviveKill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList args{QStringLiteral("--demo"), QStringLiteral("--no-rate-limit")};
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    const QString company = serve.companyId();
    const QByteArray firstToken = serve.adminToken();
    QVERIFY(!company.isEmpty());

    QString sessionId;
    {
        HttpClient http(serve.port(), firstToken);
        const HttpResult r
            = http.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, QStringLiteral("cust_ben")));
        QVERIFY2(r.status == 201, describe(r));
        sessionId = r.json().value(QLatin1String("id")).toString();
    }
    serve.kill();

    QStringList acknowledged; // ids of customer messages and replies the server answered 201 for
    QStringList texts;
    auto post = [&](HttpClient &http, int n) {
        const QString text = QStringLiteral("Message number %1 about my order").arg(n);
        const HttpResult r = http.post(
            QStringLiteral("/api/cs/sessions/%1/messages").arg(sessionId), {{QStringLiteral("message"), text}});
        if (r.status != 201)
            return false;
        acknowledged
            << r.json().value(QLatin1String("customerMessage")).toObject().value(QLatin1String("id")).toString();
        const QJsonValue ai = r.json().value(QLatin1String("aiResponse"));
        if (ai.isObject())
            acknowledged << ai.toObject().value(QLatin1String("id")).toString();
        texts << text;
        return true;
    };

    // One message, then SIGKILL the moment its 201 is in, again and again.
    int n = 0;
    for (int round = 0; round < 8; ++round) {
        QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
        QCOMPARE(serve.companyId(), company); // the demo seed is idempotent
        HttpClient http(serve.port(), firstToken); // the signing key survived too
        QVERIFY2(post(http, ++n), "message refused");
        serve.kill();
    }
    // A burst of acknowledged messages, then SIGKILL.
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    {
        HttpClient http(serve.port(), serve.adminToken());
        for (int i = 0; i < 12; ++i)
            QVERIFY2(post(http, ++n), "message refused");
    }
    serve.kill();

    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    HttpClient http(serve.port(), serve.adminToken());
    const HttpResult r = http.get(QStringLiteral("/api/cs/sessions/") + sessionId);
    QVERIFY2(r.status == 200, describe(r));
    QSet<QString> stored;
    QStringList storedTexts;
    for (const QJsonValue &v : r.json().value(QLatin1String("messages")).toArray()) {
        const QJsonObject m = v.toObject();
        stored.insert(m.value(QLatin1String("id")).toString());
        if (m.value(QLatin1String("role")).toString() == QLatin1String("customer"))
            storedTexts << m.value(QLatin1String("content")).toString();
    }
    for (const QString &id : std::as_const(acknowledged))
        QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("acknowledged message %1 was lost").arg(id)));
    QCOMPARE(storedTexts, texts); // all there, once each, in order
    serve.kill();
}

void TestDurability::webhookOutboxSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile ini(dir.filePath(QStringLiteral("tierdesk.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[webhooks]\nbaseDelayMs=200\nallowPrivateNetworks=true\n"); // the receiver is on loopback
    }
    // A port nobody listens on yet: take one and close it again.
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    const quint16 port = receiver.port();
    const QString url = receiver.url();
    receiver.close();

    const QStringList args{QStringLiteral("--demo"), QStringLiteral("--no-rate-limit")};
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    QString sessionId;
    {
        HttpClient http(serve.port(), serve.adminToken());
        HttpResult r = http.post(QStringLiteral("/api/cs/webhooks"),
            {{QStringLiteral("companyId"), serve.companyId()}, {QStringLiteral("url"), url},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("session.created")}},
                {QStringLiteral("secret"), QStringLiteral("durable-secret-0123456789")}});
        QVERIFY2(r.status == 201, describe(r));
        r = http.post(QStringLiteral("/api/cs/sessions"), sessionBody(serve.companyId(), QStringLiteral("cust_chloe")));
        QVERIFY2(r.status == 201, describe(r));
        sessionId = r.json().value(QLatin1String("id")).toString();
    }
    serve.kill();

    QVERIFY2(receiver.listen(port), "the receiver's port was taken meanwhile");
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!receiver.withEvent(QStringLiteral("session.created")).isEmpty(), 15000);
    const ReceivedHttp delivery = receiver.withEvent(QStringLiteral("session.created")).constFirst();
    QCOMPARE(delivery.json().value(QLatin1String("data")).toObject().value(QLatin1String("sessionId")).toString(),
        sessionId);
    QVERIFY(!delivery.header("x-tierdesk-delivery").isEmpty());
    serve.kill();
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
