#include "RawHttpClient.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/http/HttpServer.h"
#include "core/api/http/WebSocket.h"

#include <QJsonDocument>
#include <QtTest>

#include <memory>

// Errors the HTTP server produces itself, in the CS API's family (cs::serverError) under
// /api/cs and in the default body elsewhere.

using namespace tierdesk;
using namespace tierdesk::http;
using tierdesk::test::RawHttpClient;
using tierdesk::test::RawResponse;

namespace {

QJsonObject errorOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
}

RawResponse exchange(quint16 port, const QByteArray &request)
{
    RawHttpClient c;
    if (!c.connectTo(port))
        return {};
    c.send(request);
    const RawResponse r = c.read();
    if (!c.waitClosed())
        return {};
    return r;
}

} // namespace

class TestHttpCsErrors : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void unsupportedVersionIsCs023_data();
    void unsupportedVersionIsCs023();
    void webSocketVersionIsCs011();

private:
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
};

void TestHttpCsErrors::init()
{
    m_server = std::make_unique<HttpServer>();
    m_server->setErrorFormatter(QStringLiteral("/api/cs"), &api::cs::serverError);
    m_server->setWebSocketRoute(
        QStringLiteral("/api/cs/ws"), [](const HttpRequest &) -> std::optional<HttpResponse> { return std::nullopt; },
        [](WebSocket *ws, const HttpRequest &) { delete ws; });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_port = m_server->serverPort();
}

void TestHttpCsErrors::cleanup()
{
    m_server.reset();
}

void TestHttpCsErrors::unsupportedVersionIsCs023_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::newRow("HTTP/0.9") << QByteArray(" HTTP/0.9\r\nHost: x\r\n\r\n");
    QTest::newRow("HTTP/9.9") << QByteArray(" HTTP/9.9\r\nHost: x\r\n\r\n");
    QTest::newRow("HTTP/2.0") << QByteArray(" HTTP/2.0\r\nHost: x\r\n\r\n");
    QTest::newRow("no version") << QByteArray("\r\n");
}

void TestHttpCsErrors::unsupportedVersionIsCs023()
{
    QFETCH(QByteArray, version);
    const RawResponse cs = exchange(m_port, "GET /api/cs/health" + version);
    QCOMPARE(cs.status, 505);
    QCOMPARE(errorOf(cs).value(QStringLiteral("code")).toString(), QStringLiteral("CS_023"));
    QVERIFY(!errorOf(cs).value(QStringLiteral("message")).toString().isEmpty());

    const RawResponse other = exchange(m_port, "GET /elsewhere" + version);
    QCOMPARE(other.status, 505);
    QCOMPARE(errorOf(other).value(QStringLiteral("code")).toString(), QStringLiteral("HTTP_VERSION_NOT_SUPPORTED"));
}

void TestHttpCsErrors::webSocketVersionIsCs011()
{
    const RawResponse r = exchange(m_port,
        "GET /api/cs/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 8\r\n\r\n");
    QCOMPARE(r.status, 426);
    QCOMPARE(r.header("sec-websocket-version"), QByteArray("13"));
    const QJsonObject error = errorOf(r);
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("CS_011"));
    QCOMPARE(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("Sec-WebSocket-Version"));

    const RawResponse noKey = exchange(m_port,
        "GET /api/cs/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QCOMPARE(noKey.status, 400);
    QCOMPARE(errorOf(noKey).value(QStringLiteral("code")).toString(), QStringLiteral("CS_011"));
}

QTEST_MAIN(TestHttpCsErrors)
#include "tst_httpcserrors.moc"
