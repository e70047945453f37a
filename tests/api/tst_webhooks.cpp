// Outbound webhooks end to end: registration over /api/cs/webhooks, delivery
// to a real HTTP receiver on loopback, signatures, retries, removal, and many
// events at once to a slow receiver.
#include "tests/api/ApiTestSupport.h"

#include "core/integrations/WebhookSigner.h"
#include "tests/integrations/LoopbackReceiver.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTest>

#include <functional>
#include <vector>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QByteArray kSecret = "whsec_test_0123456789abcdef";

// POSTs `perClient` sessions from each of `clients` connections at once (each
// client sends its next request when the previous one is answered). Returns the
// ids of the sessions created; *failures counts the other answers.
QStringList createSessionsInParallel(
    quint16 port, const QByteArray &token, const QString &companyId, int clients, int perClient, int *failures)
{
    QStringList ids;
    int pending = clients * perClient;
    *failures = 0;
    std::function<void(QNetworkAccessManager *, int, int)> sendNext
        = [&](QNetworkAccessManager *nam, int client, int left) {
              if (left == 0)
                  return;
              QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/cs/sessions").arg(port)));
              request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
              request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
              request.setRawHeader("Authorization", "Bearer " + token);
              const QJsonObject body = sessionBody(companyId, QStringLiteral("load_%1_%2").arg(client).arg(left));
              QNetworkReply *reply = nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
              QObject::connect(reply, &QNetworkReply::finished, nam, [&, nam, reply, client, left] {
                  reply->deleteLater();
                  if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                      ids << QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("id")).toString();
                  else
                      ++*failures;
                  --pending;
                  sendNext(nam, client, left - 1);
              });
          };
    // Declared last: destroyed first, before what their replies' handlers use.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int c = 0; c < clients; ++c) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        sendNext(managers.back().get(), c, perClient);
    }
    if (!QTest::qWaitFor([&pending] { return pending == 0; }, 60000))
        *failures += pending;
    return ids;
}

QString sessionOf(const ReceivedRequest &r)
{
    return r.json().value(QLatin1String("data")).toObject().value(QLatin1String("sessionId")).toString();
}

} // namespace

class TestWebhooks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registerAndList();
    void registrationIsValidated_data();
    void registrationIsValidated();
    void sessionCreatedIsDeliveredSigned();
    void escalationCarriesTiers();
    void failedDeliveryIsRetried();
    void deleteWebhook();
    void deliveriesOfOneWebhook();
    void manyEventsToASlowReceiverEachDeliveredOnce();

private:
    QString registerHook(const QString &path, const QStringList &events, const QByteArray &secret = kSecret);
    QList<ReceivedHttp> forSession(const QString &path, const QString &event, const QString &sessionId) const;
    QString newSession();

    ServerFixture m_server;
    WebhookReceiver m_receiver;
    std::unique_ptr<HttpClient> m_admin;
};

void TestWebhooks::initTestCase()
{
    QVERIFY(m_receiver.listen());
    QString error;
    QVERIFY2(m_server.start("[webhooks]\nbaseDelayMs=200\n", false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestWebhooks::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestWebhooks::registerHook(const QString &path, const QStringList &events, const QByteArray &secret)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("url"), m_receiver.url(path)},
            {QStringLiteral("events"), QJsonArray::fromStringList(events)},
            {QStringLiteral("secret"), QString::fromLatin1(secret)}});
    if (r.status != 201)
        qWarning("webhook registration failed: %s", describe(r).constData());
    return r.json().value(QLatin1String("id")).toString();
}

QList<ReceivedHttp> TestWebhooks::forSession(const QString &path, const QString &event, const QString &sessionId) const
{
    QList<ReceivedHttp> out;
    for (const ReceivedHttp &r : m_receiver.withEvent(event))
        if (r.target == path.toUtf8()
            && r.json().value(QLatin1String("data")).toObject().value(QLatin1String("sessionId")).toString()
                == sessionId)
            out << r;
    return out;
}

QString TestWebhooks::newSession()
{
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_alice")));
    return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
}

void TestWebhooks::registerAndList()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("url"), m_receiver.url(QStringLiteral("/listed"))},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("session.resolved")}},
            {QStringLiteral("secret"), QString::fromLatin1(kSecret)}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject hook = r.json();
    QVERIFY(hook.value(QLatin1String("id")).toString().startsWith(QLatin1String("wh_")));
    QCOMPARE(hook.value(QLatin1String("url")).toString(), m_receiver.url(QStringLiteral("/listed")));
    QCOMPARE(hook.value(QLatin1String("events")).toArray(), QJsonArray{QStringLiteral("session.resolved")});
    QVERIFY(!hook.contains(QLatin1String("secret")));
    QVERIFY(!r.body.contains(kSecret));

    const HttpResult list = m_admin->get(
        withQuery(QStringLiteral("/api/cs/webhooks"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QVERIFY2(list.status == 200, describe(list));
    QVERIFY(!list.body.contains(kSecret));
    bool found = false;
    for (const QJsonValue &v : list.json().value(QLatin1String("webhooks")).toArray()) {
        const QJsonObject w = v.toObject();
        QVERIFY(!w.contains(QLatin1String("secret")));
        found = found || w.value(QLatin1String("id")) == hook.value(QLatin1String("id"));
    }
    QVERIFY(found);
}

void TestWebhooks::registrationIsValidated_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QJsonArray>("events");
    QTest::addColumn<QString>("secret");
    const QJsonArray created{QStringLiteral("session.created")};
    const QString secret = QString::fromLatin1(kSecret);
    QTest::newRow("ftp url") << QStringLiteral("ftp://127.0.0.1/x") << created << secret;
    QTest::newRow("relative url") << QStringLiteral("/hook") << created << secret;
    QTest::newRow("no events") << QStringLiteral("http://127.0.0.1:9/h") << QJsonArray() << secret;
    QTest::newRow("unknown event") << QStringLiteral("http://127.0.0.1:9/h")
                                   << QJsonArray{QStringLiteral("session.deleted")} << secret;
    QTest::newRow("short secret") << QStringLiteral("http://127.0.0.1:9/h") << created << QStringLiteral("short");
}

void TestWebhooks::registrationIsValidated()
{
    QFETCH(QString, url);
    QFETCH(QJsonArray, events);
    QFETCH(QString, secret);
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("url"), url},
            {QStringLiteral("events"), events}, {QStringLiteral("secret"), secret}});
    const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWebhooks::sessionCreatedIsDeliveredSigned()
{
    QVERIFY(!registerHook(QStringLiteral("/created"), {QStringLiteral("session.created")}).isEmpty());
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        forSession(QStringLiteral("/created"), QStringLiteral("session.created"), id).size(), 1, 10000);
    const ReceivedHttp req = forSession(QStringLiteral("/created"), QStringLiteral("session.created"), id).constFirst();
    QCOMPARE(req.method, QByteArray("POST"));
    QVERIFY(req.header("content-type").startsWith("application/json"));
    const QJsonObject payload = req.json();
    QCOMPARE(payload.value(QLatin1String("event")).toString(), QStringLiteral("session.created"));
    QVERIFY(QDateTime::fromString(payload.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs).isValid());
    const QJsonObject data = payload.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("sessionId")).toString(), id);
    QCOMPARE(data.value(QLatin1String("companyId")).toString(), m_server.companyId());
    QCOMPARE(data.value(QLatin1String("customerId")).toString(), QStringLiteral("cust_alice"));
    QCOMPARE(req.header("x-tierdesk-event"), QByteArray("session.created"));
    QVERIFY(!req.header("x-tierdesk-delivery").isEmpty());

    const QByteArray signature = req.header("x-tierdesk-signature");
    QVERIFY2(!signature.isEmpty(), "no X-Tierdesk-Signature");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY2(verifyWebhookSignature(kSecret, signature, req.body, now), signature.constData());
    // The signature covers this exact body and this secret.
    QVERIFY(!verifyWebhookSignature("another-secret-0123456789", signature, req.body, now));
    QByteArray tampered = req.body;
    tampered.replace("cust_alice", "cust_chloe");
    QVERIFY(!verifyWebhookSignature(kSecret, signature, tampered, now));
}

void TestWebhooks::escalationCarriesTiers()
{
    QVERIFY(!registerHook(QStringLiteral("/escalated"), {QStringLiteral("session.escalated")}).isEmpty());
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("HIGH_VALUE_CUSTOMER")},
            {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")}});
    QVERIFY2(r.status == 200, describe(r));
    QTRY_COMPARE_WITH_TIMEOUT(
        forSession(QStringLiteral("/escalated"), QStringLiteral("session.escalated"), id).size(), 1, 10000);
    const ReceivedHttp req
        = forSession(QStringLiteral("/escalated"), QStringLiteral("session.escalated"), id).constFirst();
    const QJsonObject data = req.json().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("fromTier")).toString(), QStringLiteral("AI_REP"));
    QCOMPARE(data.value(QLatin1String("toTier")).toString(), QStringLiteral("AI_MANAGER"));
    QCOMPARE(data.value(QLatin1String("reason")).toString(), QStringLiteral("HIGH_VALUE_CUSTOMER"));
    QCOMPARE(data.value(QLatin1String("customerId")).toString(), QStringLiteral("cust_alice"));
    QVERIFY(verifyWebhookSignature(
        kSecret, req.header("x-tierdesk-signature"), req.body, QDateTime::currentSecsSinceEpoch()));
    // The hook subscribed to escalations only: the session's creation was not sent to it.
    QCOMPARE(forSession(QStringLiteral("/escalated"), QStringLiteral("session.created"), id).size(), 0);
}

void TestWebhooks::failedDeliveryIsRetried()
{
    QVERIFY(!registerHook(QStringLiteral("/flaky"), {QStringLiteral("session.resolved")}).isEmpty());
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    m_receiver.script("/flaky", {500});
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
                     {{QStringLiteral("resolutionType"), QStringLiteral("CUSTOMER_SATISFIED")}})
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(
        forSession(QStringLiteral("/flaky"), QStringLiteral("session.resolved"), id).size(), 2, 15000);
    const QList<ReceivedHttp> attempts = forSession(QStringLiteral("/flaky"), QStringLiteral("session.resolved"), id);
    QVERIFY(!attempts[0].header("x-tierdesk-delivery").isEmpty());
    QCOMPARE(attempts[1].header("x-tierdesk-delivery"), attempts[0].header("x-tierdesk-delivery"));
    QCOMPARE(attempts[1].body, attempts[0].body);
    QVERIFY(verifyWebhookSignature(
        kSecret, attempts[1].header("x-tierdesk-signature"), attempts[1].body, QDateTime::currentSecsSinceEpoch()));
    // Delivered on the second attempt: no third one follows. Another event to the
    // same hook arriving proves the dispatcher moved on.
    const QString next = newSession();
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(next),
                     {{QStringLiteral("resolutionType"), QStringLiteral("CUSTOMER_SATISFIED")}})
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(
        forSession(QStringLiteral("/flaky"), QStringLiteral("session.resolved"), next).size(), 1, 10000);
    QCOMPARE(forSession(QStringLiteral("/flaky"), QStringLiteral("session.resolved"), id).size(), 2);
}

void TestWebhooks::deleteWebhook()
{
    const QString removed = registerHook(QStringLiteral("/removed"), {QStringLiteral("session.created")});
    const QString sentinel = registerHook(QStringLiteral("/sentinel"), {QStringLiteral("session.created")});
    QVERIFY(!removed.isEmpty() && !sentinel.isEmpty());
    HttpResult r = m_admin->del(QStringLiteral("/api/cs/webhooks/") + removed);
    QVERIFY2(r.status == 204, describe(r));
    QVERIFY(r.body.isEmpty());
    r = m_admin->del(QStringLiteral("/api/cs/webhooks/") + removed);
    const QString problem = checkErrorBody(r, 404, QStringLiteral("CS_014"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const HttpResult list = m_admin->get(
        withQuery(QStringLiteral("/api/cs/webhooks"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QVERIFY(!list.body.contains(removed.toUtf8()));

    // Another company cannot delete this company's hook.
    const QString other = m_server.createCompany(QStringLiteral("Hook Thief"));
    HttpClient thief(m_server.port(), m_server.token(api::Role::Admin, other));
    QCOMPARE(thief.del(QStringLiteral("/api/cs/webhooks/") + sentinel).status, 404);

    const QString id = newSession();
    QTRY_COMPARE_WITH_TIMEOUT(
        forSession(QStringLiteral("/sentinel"), QStringLiteral("session.created"), id).size(), 1, 10000);
    QCOMPARE(forSession(QStringLiteral("/removed"), QStringLiteral("session.created"), id).size(), 0);
}

void TestWebhooks::manyEventsToASlowReceiverEachDeliveredOnce()
{
    // The load: 200 session.created events from 20 parallel clients to a
    // receiver that answers each request after a random 0-2 s. A hook may have
    // 16 deliveries in flight here (2 by default), so 200 of them fit in 30 s.
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setRandomDelay(2000);
    ServerFixture server;
    QString error;
    QVERIFY2(server.start("[webhooks]\nperHookConcurrency=16\n", false, &error), qPrintable(error));
    auto admin = server.client(api::Role::Admin);
    const HttpResult hook = admin->post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), server.companyId()}, {QStringLiteral("url"), rx.url().toString()},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("session.created")}},
            {QStringLiteral("secret"), QString::fromLatin1(kSecret)}});
    QVERIFY2(hook.status == 201, describe(hook));

    QDeadlineTimer deadline(30000);
    int failures = 0;
    const QStringList sessions
        = createSessionsInParallel(server.port(), admin->token(), server.companyId(), 20, 10, &failures);
    QCOMPARE(failures, 0);
    QCOMPARE(sessions.size(), 200);
    const auto deliveredSessions = [&rx] {
        QSet<QString> seen;
        for (const ReceivedRequest &r : rx.requests())
            seen.insert(sessionOf(r));
        return seen;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(deliveredSessions().size() == 200,
        qPrintable(QStringLiteral("%1 of 200 events arrived").arg(deliveredSessions().size())),
        static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
    QCOMPARE(deliveredSessions(), QSet<QString>(sessions.cbegin(), sessions.cend()));

    // Each recorded as delivered on its first attempt, so none will be sent again...
    const auto deliveredOnce = [&server] {
        QSqlQuery q(server.runtime().store().db().handle());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'delivered' AND attempts = 1"));
        return q.next() ? q.value(0).toInt() : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(deliveredOnce(), 200, 10000);
    // ...and none was sent twice: one request per delivery id.
    QSet<QByteArray> deliveryIds;
    const QList<ReceivedRequest> got = rx.requests();
    for (const ReceivedRequest &r : got) {
        QVERIFY(verifyWebhookSignature(
            kSecret, r.header("x-tierdesk-signature"), r.body, QDateTime::currentSecsSinceEpoch()));
        deliveryIds.insert(r.header("x-tierdesk-delivery"));
    }
    QCOMPARE(got.size(), 200);
    QCOMPARE(deliveryIds.size(), 200);
}

void TestWebhooks::deliveriesOfOneWebhook()
{
    const QString mine = registerHook(QStringLiteral("/mine"), {QStringLiteral("session.created")});
    const QString other = registerHook(QStringLiteral("/other"), {QStringLiteral("session.created")});
    QVERIFY(!mine.isEmpty() && !other.isEmpty());
    const QString session = newSession();
    QTRY_VERIFY(!forSession(QStringLiteral("/mine"), QStringLiteral("session.created"), session).isEmpty());
    HttpResult r = m_admin->get(QStringLiteral("/api/cs/webhooks/%1/deliveries").arg(mine));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonArray deliveries = r.json().value(QLatin1String("deliveries")).toArray();
    QVERIFY(!deliveries.isEmpty());
    for (const QJsonValue &d : deliveries)
        QCOMPARE(d.toObject().value(QLatin1String("webhookId")).toString(), mine);
    QCOMPARE(deliveries.first().toObject().value(QLatin1String("event")).toString(), QStringLiteral("session.created"));
    r = m_admin->get(QStringLiteral("/api/cs/webhooks/%1/deliveries?limit=1").arg(other));
    QCOMPARE(r.json().value(QLatin1String("deliveries")).toArray().size(), 1);
    for (const char *limit : {"0", "501", "x"}) {
        r = m_admin->get(QStringLiteral("/api/cs/webhooks/%1/deliveries?limit=%2").arg(mine, QLatin1String(limit)));
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    }
    r = m_admin->get(QStringLiteral("/api/cs/webhooks/wh_unknown/deliveries"));
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    const QString otherCompany = m_server.createCompany(QStringLiteral("Elsewhere"));
    HttpClient stranger(m_server.port(), m_server.token(api::Role::Admin, otherCompany));
    QCOMPARE(stranger.get(QStringLiteral("/api/cs/webhooks/%1/deliveries").arg(mine)).status, 404);
    QCOMPARE(
        m_server.client(api::Role::Supervisor)->get(QStringLiteral("/api/cs/webhooks/%1/deliveries").arg(mine)).status,
        403);
    for (const QString &id : {mine, other})
        QCOMPARE(m_admin->del(QStringLiteral("/api/cs/webhooks/") + id).status, 204);
}

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
