// A slow responder on a real server: while one reply is being worded, the server
// goes on answering other requests and sessions; past replies/timeoutMs the
// local responder's words are sent, marked as a fallback.
#include "tests/api/ApiTestSupport.h"

#include "tests/engine/GatedResponder.h"

#include <QNetworkReply>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiSlowReply : public QObject {
    Q_OBJECT

private slots:
    void otherRequestsAreServedWhileAReplyIsWorded();
    void pastTheTimeoutTheLocalWordsAreSent();

private:
    // POST .../messages without waiting for the answer.
    QNetworkReply *postLater(QNetworkAccessManager &nam, const ServerFixture &server, const QByteArray &token,
        const QString &session, const QString &text)
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/cs/sessions/%2/messages").arg(server.port()).arg(session)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token);
        return nam.post(request, QJsonDocument(QJsonObject{{QStringLiteral("message"), text}}).toJson());
    }
    QString create(HttpClient &client, const ServerFixture &server, const QString &customer)
    {
        return client.post(QStringLiteral("/api/cs/sessions"), sessionBody(server.companyId(), customer))
            .json()
            .value(QLatin1String("id"))
            .toString();
    }
};

void TestCsApiSlowReply::otherRequestsAreServedWhileAReplyIsWorded()
{
    ServerFixture server;
    QString error;
    QVERIFY2(server.start({}, false, &error), qPrintable(error));
    auto responder = std::make_shared<GatedResponder>();
    server.runtime().engine().setResponder(responder);
    auto admin = server.client(api::Role::Admin);
    const QString slow = create(*admin, server, QStringLiteral("cust_ben"));
    const QString quick = create(*admin, server, QStringLiteral("cust_alice"));
    QVERIFY(!slow.isEmpty() && !quick.isEmpty());

    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> pending(
        postLater(nam, server, admin->token(), slow, QStringLiteral("a slow question")));
    QTRY_COMPARE(responder->started.load(), 1);

    QCOMPARE(admin->get(QStringLiteral("/api/cs/health")).status, 200);
    const HttpResult other = admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(quick),
        {{QStringLiteral("message"), QStringLiteral("what sizes do jackets come in")}});
    QCOMPARE(other.status, 201);
    QCOMPARE(other.json().value(QLatin1String("aiResponse")).toObject().value(QLatin1String("content")).toString(),
        QStringLiteral("Words from the test responder."));
    // The slow session shows the customer's message, stored in phase one, and no reply yet.
    const HttpResult read = admin->get(QStringLiteral("/api/cs/sessions/") + slow);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value(QLatin1String("messages")).toArray().size(), 1);
    QVERIFY(!pending->isFinished());

    responder->gate.release();
    QTRY_VERIFY(pending->isFinished());
    QCOMPARE(pending->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    const QJsonObject body = QJsonDocument::fromJson(pending->readAll()).object();
    QCOMPARE(body.value(QLatin1String("aiResponse")).toObject().value(QLatin1String("content")).toString(),
        QStringLiteral("Words from the test responder."));
    QCOMPARE(body.value(QLatin1String("sessionUpdate")).toObject().value(QLatin1String("status")).toString(),
        QStringLiteral("WAITING_CUSTOMER"));
}

void TestCsApiSlowReply::pastTheTimeoutTheLocalWordsAreSent()
{
    ServerFixture server;
    QString error;
    QVERIFY2(server.start("[replies]\ntimeoutMs=300\n", false, &error), qPrintable(error));
    auto responder = std::make_shared<GatedResponder>();
    server.runtime().engine().setResponder(responder);
    auto admin = server.client(api::Role::Admin);
    const QString s = create(*admin, server, QStringLiteral("cust_ben"));
    const HttpResult answered = admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(s),
        {{QStringLiteral("message"), QStringLiteral("slow: where is ORD-10005")}});
    responder->gate.release(10);
    QCOMPARE(answered.status, 201);
    const QJsonObject ai = answered.json().value(QLatin1String("aiResponse")).toObject();
    const QJsonObject metadata = ai.value(QLatin1String("metadata")).toObject();
    QCOMPARE(metadata.value(QLatin1String("fallback")).toString(), QStringLiteral("timeout"));
    QVERIFY2(ai.value(QLatin1String("content")).toString().contains(QLatin1String("ORD-10005")),
        describe(answered).constData());
}

QTEST_GUILESS_MAIN(TestCsApiSlowReply)
#include "tst_csapi_slowreply.moc"
