// CurlOutboundHttp against a real HTTP receiver on loopback.
#include "core/integrations/OutboundHttp.h"
#include "tests/integrations/LoopbackReceiver.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace tierdesk;
using tierdesk::test::LoopbackReceiver;

namespace {

OutboundRequest emptyPostTo(const LoopbackReceiver &rx)
{
    OutboundRequest req;
    req.url = rx.url();
    req.body = QByteArrayLiteral("{}");
    return req;
}

} // namespace

class TestCurlOutboundHttp : public QObject {
    Q_OBJECT

private slots:
    void postsBodyAndHeaders();
    void statusMapping_data();
    void statusMapping();
    void doesNotFollowRedirects();
    void largeBodyWithoutExpectStall();
    void connectionRefused();
    void timeout();
    void rejectsNonHttpSchemes_data();
    void rejectsNonHttpSchemes();
    void rejectsHeaderInjection();
    void concurrentPosts();
    void responseBodyIsNeverReported();
    void refusesForbiddenAddressesAtConnect_data();
    void refusesForbiddenAddressesAtConnect();
    void ignoresProxyEnvironment();
    void reusesConnectionsOfOneSender();
    void reconnectsWhenTheServerClosed();

private:
    CurlOutboundHttp m_http{AddressPolicy(true)}; // the receivers are on loopback, a private network
};

void TestCurlOutboundHttp::postsBodyAndHeaders()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    OutboundRequest req;
    req.url = rx.url(QStringLiteral("/hooks/cs?tenant=a"));
    req.body = QByteArrayLiteral(R"({"event":"session.created","data":{"sessionId":"sess_1"}})");
    req.headers = {{"X-Tierdesk-Signature", "t=1,v1=abc"}, {"X-Tierdesk-Event", "session.created"},
        {"User-Agent", "Tierdesk/test"}};

    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 200);
    QVERIFY(res.ok());
    QVERIFY2(res.error.isEmpty(), qPrintable(res.error));

    const auto got = rx.requests();
    QCOMPARE(got.size(), 1);
    const auto &r = got.first();
    QCOMPARE(r.method, QByteArrayLiteral("POST"));
    QCOMPARE(r.target, QByteArrayLiteral("/hooks/cs?tenant=a"));
    QCOMPARE(r.body, req.body);
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json"));
    QCOMPARE(r.header("x-tierdesk-signature"), QByteArrayLiteral("t=1,v1=abc"));
    QCOMPARE(r.header("x-tierdesk-event"), QByteArrayLiteral("session.created"));
    QCOMPARE(r.header("user-agent"), QByteArrayLiteral("Tierdesk/test"));
    QVERIFY(!r.hasHeader("expect"));
    // Our own Content-Type replaces the default rather than doubling it.
    int contentTypes = 0;
    for (const auto &h : r.headers)
        contentTypes += h.first == "content-type";
    QCOMPARE(contentTypes, 1);
}

void TestCurlOutboundHttp::statusMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("ok");
    QTest::newRow("200") << 200 << true;
    QTest::newRow("201") << 201 << true;
    QTest::newRow("204") << 204 << true;
    QTest::newRow("400") << 400 << false;
    QTest::newRow("410") << 410 << false;
    QTest::newRow("500") << 500 << false;
    QTest::newRow("503") << 503 << false;
}

void TestCurlOutboundHttp::statusMapping()
{
    QFETCH(int, status);
    QFETCH(bool, ok);
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setStatus(status);
    OutboundRequest req;
    req.url = rx.url();
    req.body = "{}";
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, status);
    QCOMPARE(res.ok(), ok);
    QCOMPARE(res.error.isEmpty(), ok);
    if (!ok)
        QVERIFY2(res.error.contains(QString::number(status)), qPrintable(res.error));
}

void TestCurlOutboundHttp::doesNotFollowRedirects()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setStatus(302);
    rx.setLocation("/elsewhere");
    OutboundRequest req;
    req.url = rx.url();
    req.body = "{}";
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 302);
    QVERIFY(!res.ok());
    // A request after it arrives after anything the redirect could have caused.
    rx.setStatus(200);
    req.url = rx.url(QStringLiteral("/after"));
    QVERIFY(m_http.post(req).ok());
    const auto got = rx.requests();
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.last().target, QByteArrayLiteral("/after"));
}

void TestCurlOutboundHttp::largeBodyWithoutExpectStall()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    OutboundRequest req;
    req.url = rx.url();
    req.body = QByteArray(2 * 1024 * 1024, 'x');
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 200);
    // With "Expect: 100-continue" libcurl would wait ~1 s for a "100 Continue" the receiver
    // never sends before it sends the body: no such header, no such wait.
    const auto got = rx.requests();
    QCOMPARE(got.size(), 1);
    QVERIFY(!got.first().hasHeader("expect"));
    QCOMPARE(got.first().body.size(), req.body.size());
}

void TestCurlOutboundHttp::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe; // find a port that nobody listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    OutboundRequest req;
    req.url = QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port));
    req.body = "{}";
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 0);
    QVERIFY(!res.ok());
    QVERIFY(!res.error.isEmpty());
}

void TestCurlOutboundHttp::timeout()
{
    // Two posts to a receiver that never answers: the one with the short timeout gives up,
    // the one with the long timeout, started before it, is still waiting.
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setHang(true);
    OutboundRequest patient;
    patient.url = rx.url(QStringLiteral("/patient"));
    patient.body = "{}";
    patient.timeoutMs = 600000;
    QFutureWatcher<OutboundResult> waiting;
    QSignalSpy waited(&waiting, &QFutureWatcher<OutboundResult>::finished);
    waiting.setFuture(QtConcurrent::run([this, patient] { return m_http.post(patient); }));
    QTRY_COMPARE(rx.count(), 1);

    OutboundRequest req;
    req.url = rx.url();
    req.body = "{}";
    req.timeoutMs = 400;
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 0);
    QVERIFY2(res.error.contains(QStringLiteral("timed out"), Qt::CaseInsensitive), qPrintable(res.error));
    QCOMPARE(rx.count(), 2); // the request arrived; the answer never did
    QVERIFY(!waiting.isFinished());

    // The receiver goes away: the patient post ends too, without a status.
    rx.stopListening();
    QVERIFY(waited.wait(10000));
    QCOMPARE(waiting.result().status, 0);
}

void TestCurlOutboundHttp::rejectsNonHttpSchemes_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x");
    QTest::newRow("gopher") << QStringLiteral("gopher://127.0.0.1/x");
}

void TestCurlOutboundHttp::rejectsNonHttpSchemes()
{
    QFETCH(QString, url);
    OutboundRequest req;
    req.url = QUrl(url);
    req.body = "{}";
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 0);
    QVERIFY(!res.error.isEmpty());
}

void TestCurlOutboundHttp::rejectsHeaderInjection()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    OutboundRequest req;
    req.url = rx.url();
    req.body = "{}";
    req.headers = {{"X-Tierdesk-Event", "session.created\r\nX-Evil: 1"}};
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 0);
    QVERIFY(!res.error.isEmpty());
    QCOMPARE(rx.count(), 0);
}

void TestCurlOutboundHttp::concurrentPosts()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    QList<QFuture<OutboundResult>> futures;
    for (int i = 0; i < 8; ++i) {
        OutboundRequest req;
        req.url = rx.url();
        req.body = QByteArray::number(i);
        futures.append(QtConcurrent::run([this, req] { return m_http.post(req); }));
    }
    for (auto &f : futures)
        QCOMPARE(f.result().status, 200);
    QCOMPARE(rx.count(), 8);
}

void TestCurlOutboundHttp::responseBodyIsNeverReported()
{
    // An error answer's body could be an internal service's data: only the status is kept.
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setStatus(500);
    rx.setBody("internal-only: db_password=hunter2");
    OutboundRequest req;
    req.url = rx.url();
    req.body = "{}";
    const OutboundResult res = m_http.post(req);
    QCOMPARE(res.status, 500);
    QCOMPARE(res.error, QStringLiteral("HTTP 500"));
}

void TestCurlOutboundHttp::refusesForbiddenAddressesAtConnect_data()
{
    QTest::addColumn<bool>("allowPrivate");
    QTest::addColumn<QString>("url"); // %1: the receiver's port
    QTest::newRow("loopback") << false << QStringLiteral("http://127.0.0.1:%1/hook");
    QTest::newRow("hex loopback") << false << QStringLiteral("http://0x7f000001:%1/hook");
    QTest::newRow("short loopback") << false << QStringLiteral("http://127.1:%1/hook");
    // A name is resolved by libcurl itself; the check sees the address it connects to.
    QTest::newRow("localhost name") << false << QStringLiteral("http://localhost:%1/hook");
    QTest::newRow("metadata") << true << QStringLiteral("http://169.254.169.254:%1/latest/meta-data/");
    QTest::newRow("unspecified") << true << QStringLiteral("http://0.0.0.0:%1/hook");
    QTest::newRow("link-local v6") << true << QStringLiteral("http://[fe80::1]:%1/hook");
}

void TestCurlOutboundHttp::refusesForbiddenAddressesAtConnect()
{
    QFETCH(bool, allowPrivate);
    QFETCH(QString, url);
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    CurlOutboundHttp http{AddressPolicy(allowPrivate)};
    OutboundRequest req;
    req.url = QUrl(url.arg(rx.port()));
    req.body = "{}";
    req.timeoutMs = 3000;
    const OutboundResult res = http.post(req);
    QCOMPARE(res.status, 0);
    QVERIFY(res.refused);
    QVERIFY2(res.error.startsWith(QLatin1String("address not allowed: ")), qPrintable(res.error));
    // A request let through afterwards is the first the receiver sees.
    req.url = rx.url(QStringLiteral("/after"));
    QVERIFY(m_http.post(req).ok());
    const auto got = rx.requests();
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().target, QByteArrayLiteral("/after"));
}

void TestCurlOutboundHttp::ignoresProxyEnvironment()
{
    // A proxy would connect on our behalf, out of the address check's sight.
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    const QByteArray saved = qgetenv("http_proxy");
    qputenv("http_proxy", "http://127.0.0.1:9"); // nothing listens there
    const auto restore = qScopeGuard([&saved] {
        if (saved.isNull())
            qunsetenv("http_proxy");
        else
            qputenv("http_proxy", saved);
    });
    OutboundRequest req;
    req.url = rx.url();
    req.body = "{}";
    const OutboundResult res = m_http.post(req);
    QVERIFY2(res.ok(), qPrintable(res.error));
    QCOMPARE(rx.count(), 1);
}

// A model asked on every message: one connection (and TLS session) serves one call after another.
void TestCurlOutboundHttp::reusesConnectionsOfOneSender()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setKeepAlive(true);
    CurlOutboundHttp http{AddressPolicy(true)};
    const OutboundRequest req = emptyPostTo(rx);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(http.post(req).status, 200);
    QCOMPARE(rx.count(), 3);
    QCOMPARE(rx.connections(), 1);

    // Another sender (with an address policy of its own) never borrows that connection.
    CurlOutboundHttp other{AddressPolicy(true)};
    QCOMPARE(other.post(req).status, 200);
    QCOMPARE(rx.connections(), 2);
}

void TestCurlOutboundHttp::reconnectsWhenTheServerClosed()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setKeepAlive(true);
    CurlOutboundHttp http{AddressPolicy(true)};
    const OutboundRequest req = emptyPostTo(rx);
    QCOMPARE(http.post(req).status, 200);
    rx.dropConnections();
    const OutboundResult again = http.post(req);
    QCOMPARE(again.status, 200);
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QCOMPARE(rx.count(), 2);
    QCOMPARE(rx.connections(), 2);
}

QTEST_GUILESS_MAIN(TestCurlOutboundHttp)
#include "tst_curloutboundhttp.moc"
