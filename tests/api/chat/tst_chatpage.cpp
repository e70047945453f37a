// The web chat page (/chat) on a real server on 127.0.0.1: the embedded files with their
// content types, the strict Content-Security-Policy, revalidation (ETag, 304) and seed 003's
// error body for anything else under /chat. The page in a browser: tests/e2e/chatpage.test.mjs.
#include "tests/api/ApiTestSupport.h"

#include "core/api/chat/ChatPage.h"

#include <QRegularExpression>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestChatPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void servesEachFileWithItsTypeAndPolicy_data();
    void servesEachFileWithItsTypeAndPolicy();
    void pageLoadsNothingInline();
    void unchangedFileIsNotSentAgain();
    void anythingElseUnderChatIsNotFound();
    void rootLeadsToThePage();

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpClient> m_http;
};

void TestChatPage::init()
{
    m_server = std::make_unique<ServerFixture>();
    QVERIFY(m_server->start());
    m_http = std::make_unique<HttpClient>(m_server->port());
}

void TestChatPage::cleanup()
{
    m_http.reset();
    m_server.reset();
}

void TestChatPage::servesEachFileWithItsTypeAndPolicy_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("contains");
    QTest::newRow("page") << "/chat" << QByteArray("text/html; charset=utf-8") << QByteArray("<main");
    QTest::newRow("page/") << "/chat/" << QByteArray("text/html; charset=utf-8") << QByteArray("<main");
    QTest::newRow("css") << "/chat/chat.css" << QByteArray("text/css; charset=utf-8") << QByteArray(":focus-visible");
    QTest::newRow("js") << "/chat/chat.js" << QByteArray("text/javascript; charset=utf-8") << QByteArray("join-chat");
    QTest::newRow("call") << "/chat/call.js" << QByteArray("text/javascript; charset=utf-8")
                          << QByteArray("/api/v1/voice?key=");
    QTest::newRow("worklet") << "/chat/call-worklet.js" << QByteArray("text/javascript; charset=utf-8")
                             << QByteArray("registerProcessor('pcm16-capture'");
    QTest::newRow("socket.io") << "/chat/vendor/socket.io.min.js" << QByteArray("text/javascript; charset=utf-8")
                               << QByteArray("Socket.IO v4");
}

void TestChatPage::servesEachFileWithItsTypeAndPolicy()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, contains);
    const HttpResult r = m_http->send("GET", path, {}, {}, false);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), contentType);
    QVERIFY(r.body.contains(contains));
    QCOMPARE(r.header("Content-Security-Policy"), api::ChatPage::kContentSecurityPolicy);
    QVERIFY(!r.header("Content-Security-Policy").contains("unsafe"));
    QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(r.header("Referrer-Policy"), QByteArray("no-referrer")); // the address holds the widget key
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-cache"));
    QVERIFY(r.header("ETag").startsWith('"'));
}

// The policy allows no inline script or style, so the page must have none.
void TestChatPage::pageLoadsNothingInline()
{
    const HttpResult r = m_http->send("GET", QStringLiteral("/chat"), {}, {}, false);
    QCOMPARE(r.status, 200);
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(!html.contains(QRegularExpression(QStringLiteral("<script(?![^>]*\\bsrc=)[^>]*>"))));
    QVERIFY(!html.contains(QLatin1String("<style")));
    QVERIFY(!html.contains(QRegularExpression(QStringLiteral("\\s(style|on[a-z]+)="))));
    QVERIFY(html.contains(QLatin1String("src=\"/chat/chat.js\"")));
}

void TestChatPage::unchangedFileIsNotSentAgain()
{
    const HttpResult first = m_http->send("GET", QStringLiteral("/chat/chat.js"), {}, {}, false);
    const QByteArray etag = first.header("ETag");
    QVERIFY(!etag.isEmpty());
    const HttpResult again = m_http->send("GET", QStringLiteral("/chat/chat.js"), {}, {{"If-None-Match", etag}}, false);
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(again.header("ETag"), etag);
    const HttpResult other
        = m_http->send("GET", QStringLiteral("/chat/chat.js"), {}, {{"If-None-Match", "\"something-else\""}}, false);
    QCOMPARE(other.status, 200);
    QCOMPARE(other.body, first.body);
    // Each file has its own tag.
    QVERIFY(m_http->send("GET", QStringLiteral("/chat/chat.css"), {}, {}, false).header("ETag") != etag);
}

void TestChatPage::anythingElseUnderChatIsNotFound()
{
    for (const QString &path :
        {QStringLiteral("/chat/missing.js"), QStringLiteral("/chat/vendor/"), QStringLiteral("/chat/index.html")}) {
        const HttpResult r = m_http->send("GET", path, {}, {}, false);
        QVERIFY2(r.status == 404, qPrintable(path + QLatin1String(": ") + QString::fromUtf8(describe(r))));
        QCOMPARE(r.json().value(QLatin1String("success")), QJsonValue(false));
    }
    // Another family's path that merely starts with "/chat" takes that family's error body
    // (seed 000's /chatbot: API Gateway's {"message"}), not the chat API's.
    const HttpResult chatbot = m_http->send("GET", QStringLiteral("/chatbot/message"), {}, {}, false);
    QVERIFY(chatbot.status == 403 || chatbot.status == 404);
    QVERIFY(chatbot.json().value(QLatin1String("message")).isString());
    QVERIFY(!chatbot.json().contains(QLatin1String("success")));
    const HttpResult post = m_http->send("POST", QStringLiteral("/chat"), {}, {}, false);
    QCOMPARE(post.status, 405);
    QCOMPARE(post.json().value(QLatin1String("success")), QJsonValue(false));
}

// Seed 003 opens its chat interface at the server's root: "/" sends the browser to /chat, key and all.
void TestChatPage::rootLeadsToThePage()
{
    const HttpResult r = m_http->send("GET", QStringLiteral("/?key=wk_example"), {}, {}, false);
    QCOMPARE(r.status, 302);
    QCOMPARE(r.header("Location"), QByteArray("/chat?key=wk_example"));
    QCOMPARE(m_http->send("GET", QStringLiteral("/"), {}, {}, false).header("Location"), QByteArray("/chat"));
}

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
