// A company's help center imported into its knowledge base over real HTTP: the server's
// /api/cs/kb/sources against a scripted help center on loopback (tests/support/helpcenter:
// a sitemap index with a gzipped part, robots.txt, chrome around the pages, a canonical
// duplicate, ETags, a page answering 503, a Zendesk Help Center with cursor pagination and a
// draft), syncs that update, keep and remove, a person's edit kept, progress seen while a sync
// runs, and files (a PDF the test writes, one without text, Markdown) given to /api/cs/kb/files.
#include "core/engine/knowledge/WebsiteCrawl.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"

#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// A PDF with `text` on its page, or with a drawn box and no text at all (as a scan has none).
QByteArray pdfWith(const QString &text)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.pdf"));
    {
        QPdfWriter writer(path);
        QPainter painter(&writer);
        if (text.isEmpty())
            painter.fillRect(QRect(100, 100, 2000, 2000), Qt::black);
        else
            painter.drawText(QRect(100, 100, 8000, 2000), text);
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray part(const QByteArray &fileName, const QByteArray &type, const QByteArray &data)
{
    return "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n" + data + "\r\n";
}

} // namespace

class TestCsApiKbSources : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aWebsiteIsImportedFromItsSitemap();
    void aSyncUpdatesKeepsAndRemoves();
    void aStartPagesLinksAreFollowedWithinInclude();
    void aZendeskHelpCenterIsImported();
    void filesBecomeArticles();
    void badInputIsRefusedNamingTheField_data();
    void badInputIsRefusedNamingTheField();
    void agentsCannotTouchSources();

private:
    QJsonObject source(qint64 id) { return m_admin->get(path(QStringLiteral("/%1").arg(id))).json(); }
    QJsonObject waitDone(qint64 id);
    QString path(const QString &tail = {}) const
    {
        return QStringLiteral("/api/cs/kb/sources%1?companyId=%2").arg(tail, m_server.companyId());
    }
    QJsonObject articleFrom(const QString &url);

    ServerFixture m_server;
    std::unique_ptr<ConnectorServer> m_site;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_agent;
    qint64 m_website = 0;
};

void TestCsApiKbSources::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    m_agent = m_server.client(api::Role::Agent);
    m_site = std::make_unique<ConnectorServer>(
        ConnectorServer::Script{QStringLiteral("helpcenter/help_center_server.py")});
    QVERIFY2(m_site->isRunning(), qPrintable(m_site->error()));
}

void TestCsApiKbSources::cleanupTestCase()
{
    m_admin.reset();
    m_agent.reset();
    m_server.stop();
    m_site.reset();
}

// The source once its sync ended (done or failed), the event loop serving meanwhile.
QJsonObject TestCsApiKbSources::waitDone(qint64 id)
{
    QJsonObject s;
    [[maybe_unused]] const bool ended = QTest::qWaitFor(
        [&] {
            s = source(id);
            const QString status = s.value(QLatin1String("status")).toString();
            return status == QLatin1String("done") || status == QLatin1String("failed");
        },
        30000);
    return s;
}

QJsonObject TestCsApiKbSources::articleFrom(const QString &url)
{
    const HttpResult r = m_admin->get(QStringLiteral("/api/cs/kb?companyId=%1&limit=100").arg(m_server.companyId()));
    for (const QJsonValue &v : r.json().value(QLatin1String("articles")).toArray())
        if (v.toObject().value(QLatin1String("source")).toObject().value(QLatin1String("url")).toString() == url)
            return m_admin->get(
                              QStringLiteral("/api/cs/kb/%1").arg(v.toObject().value(QLatin1String("id")).toInteger()))
                .json();
    return {};
}

void TestCsApiKbSources::aWebsiteIsImportedFromItsSitemap()
{
    // One page waits until the test has seen the sync run.
    QVERIFY(m_site->command("hold /help/held").value(QLatin1String("ok")).toBool());
    HttpResult r = m_admin->post(path(),
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("website")},
            {QStringLiteral("url"), m_site->url(QStringLiteral("/sitemap.xml"))}});
    QVERIFY2(r.status == 201, describe(r));
    m_website = r.json().value(QLatin1String("id")).toInteger();
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QJsonObject s;
    QTRY_VERIFY_WITH_TIMEOUT(
        (s = source(m_website)).value(QLatin1String("status")).toString() == QLatin1String("running")
            && s.value(QLatin1String("progress")).toObject().value(QLatin1String("fetched")).toInt() >= 6,
        30000);
    const QJsonObject progress = s.value(QLatin1String("progress")).toObject();
    // Listed and within robots.txt's rules: five in the gzipped part (the ?ref=nav copy too), two
    // in the other.
    QCOMPARE(progress.value(QLatin1String("found")).toInt(), 7);
    QVERIFY(progress.value(QLatin1String("fetched")).toInt() < 7); // the held page is not read yet
    QVERIFY(m_site->command("release").value(QLatin1String("ok")).toBool());
    s = waitDone(m_website);
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("done"));
    // returns, shipping, warranty, contact, held; the ?ref=nav copy is the returns page again;
    // /help/flaky answered 503.
    QCOMPARE(s.value(QLatin1String("imported")).toInt(), 5);
    const QJsonArray failed = s.value(QLatin1String("failed")).toArray();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(
        failed.first().toObject().value(QLatin1String("url")).toString(), m_site->url(QStringLiteral("/help/flaky")));
    QVERIFY(!s.value(QLatin1String("lastSyncAt")).toString().isEmpty());
    QVERIFY(!s.value(QLatin1String("nextSyncAt")).toString().isEmpty());

    // robots.txt was obeyed (Tierdesk's own group: /drafts/ too), every request said who asks.
    const QJsonArray requests = m_site->command("requests").value(QLatin1String("requests")).toArray();
    QVERIFY(requests.size() >= 9);
    for (const QJsonValue &v : requests) {
        const QString p = v.toObject().value(QLatin1String("path")).toString();
        QVERIFY2(!p.startsWith(QLatin1String("/private/")) && !p.startsWith(QLatin1String("/drafts/")), qPrintable(p));
        QCOMPARE(
            v.toObject().value(QLatin1String("userAgent")).toString(), QString::fromLatin1(WebsiteCrawl::userAgent()));
    }
    // The page's own text, under its title, without the site's chrome; its address kept.
    const QJsonObject returns = articleFrom(m_site->url(QStringLiteral("/help/returns")));
    QCOMPARE(returns.value(QLatin1String("title")).toString(), QStringLiteral("Returning an item"));
    const QString content = returns.value(QLatin1String("content")).toString();
    QVERIFY2(content.contains(QStringLiteral("within 45 days")), qPrintable(content));
    QVERIFY2(
        !content.contains(QStringLiteral("Menu")) && !content.contains(QStringLiteral("Privacy")), qPrintable(content));
    const QJsonObject origin = returns.value(QLatin1String("source")).toObject();
    QCOMPARE(origin.value(QLatin1String("kind")).toString(), QStringLiteral("website"));
    QCOMPARE(origin.value(QLatin1String("id")).toInteger(), m_website);
    // The AI reads it: the passage that answers, with the page's address.
    r = m_agent->get(QStringLiteral("/api/cs/kb/search?companyId=%1&q=%2")
                         .arg(m_server.companyId(), QStringLiteral("prepaid%20label%2045%20days")));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject best = r.json().value(QLatin1String("passages")).toArray().first().toObject();
    QCOMPARE(best.value(QLatin1String("url")).toString(), m_site->url(QStringLiteral("/help/returns")));
    QVERIFY(best.value(QLatin1String("text")).toString().contains(QStringLiteral("within 45 days")));
}

void TestCsApiKbSources::aSyncUpdatesKeepsAndRemoves()
{
    QVERIFY(m_website > 0);
    // A person edits the warranty article: no sync changes it again.
    const QJsonObject warranty = articleFrom(m_site->url(QStringLiteral("/help/warranty")));
    HttpResult r = m_admin->put(QStringLiteral("/api/cs/kb/%1").arg(warranty.value(QLatin1String("id")).toInteger()),
        QJsonObject{{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("content"), QStringLiteral("Frames: lifetime warranty, ask for our repair form.")}});
    QVERIFY2(r.status == 200, describe(r));
    QVERIFY(r.json().value(QLatin1String("edited")).toBool());
    for (const char *c : {"change /help/shipping", "change /help/warranty", "gone /help/contact", "unlist /help/held",
             "fail /help/returns"})
        QVERIFY(m_site->command(c).value(QLatin1String("ok")).toBool());
    m_site->command("requests");
    r = m_admin->post(path(QStringLiteral("/%1/sync").arg(m_website)), {});
    QVERIFY2(r.status == 202, describe(r));
    const QJsonObject s = waitDone(m_website);
    QCOMPARE(s.value(QLatin1String("imported")).toInt(), 0);
    QCOMPARE(s.value(QLatin1String("updated")).toInt(), 1); // shipping
    QCOMPARE(s.value(QLatin1String("removed")).toInt(), 2); // contact (410), held (no longer listed)
    QVERIFY(articleFrom(m_site->url(QStringLiteral("/help/contact"))).isEmpty());
    QVERIFY(articleFrom(m_site->url(QStringLiteral("/help/held"))).isEmpty());
    QVERIFY(articleFrom(m_site->url(QStringLiteral("/help/shipping")))
                .value(QLatin1String("content"))
                .toString()
                .contains(QStringLiteral("Updated 2")));
    QCOMPARE(articleFrom(m_site->url(QStringLiteral("/help/warranty"))).value(QLatin1String("content")).toString(),
        QStringLiteral("Frames: lifetime warranty, ask for our repair form."));
    // The page that failed keeps its article; an unchanged page was asked with its ETag (304).
    QVERIFY(!articleFrom(m_site->url(QStringLiteral("/help/returns"))).isEmpty());
    bool conditional = false;
    for (const QJsonValue &v : m_site->command("requests").value(QLatin1String("requests")).toArray())
        if (v.toObject().value(QLatin1String("path")).toString() == QLatin1String("/help/shipping"))
            conditional
                = v.toObject().value(QLatin1String("ifNoneMatch")).toString() == QLatin1String("\"help-shipping-v1\"");
    QVERIFY(conditional);
}

void TestCsApiKbSources::aStartPagesLinksAreFollowedWithinInclude()
{
    HttpResult r = m_admin->post(path(),
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("website")},
            {QStringLiteral("url"), m_site->url(QStringLiteral("/help/"))},
            {QStringLiteral("include"), QJsonArray{QStringLiteral("/help/")}},
            {QStringLiteral("exclude"), QJsonArray{QStringLiteral("/help/warranty")}},
            {QStringLiteral("syncHours"), 0}});
    QVERIFY2(r.status == 201, describe(r));
    const qint64 id = r.json().value(QLatin1String("id")).toInteger();
    const QJsonObject s = waitDone(id);
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("done"));
    // The start page, returns (503 now: failed) and shipping; not warranty (excluded), not
    // /private/ (robots.txt), not /about (outside include).
    QCOMPARE(s.value(QLatin1String("imported")).toInt(), 2);
    QVERIFY(s.value(QLatin1String("nextSyncAt")).isNull()); // synced only when asked
    QCOMPARE(m_admin->del(path(QStringLiteral("/%1").arg(id))).status, 204);
    QCOMPARE(m_admin->get(path(QStringLiteral("/%1").arg(id))).status, 404);
}

void TestCsApiKbSources::aZendeskHelpCenterIsImported()
{
    HttpResult r = m_admin->post(path(),
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("zendesk")}, {QStringLiteral("url"), m_site->url()},
            {QStringLiteral("auth"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("basic")},
                    {QStringLiteral("username"), QStringLiteral("me@acme.example/token")},
                    {QStringLiteral("token"), QStringLiteral("secret-1")}}}});
    QVERIFY2(r.status == 201, describe(r));
    QVERIFY(!r.body.contains("secret-1"));
    const qint64 id = r.json().value(QLatin1String("id")).toInteger();
    const QJsonObject s = waitDone(id);
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("done"));
    QCOMPARE(s.value(QLatin1String("imported")).toInt(), 4); // five articles over three pages, one a draft
    const QJsonObject password = articleFrom(m_site->url(QStringLiteral("/hc/en-us/articles/1")));
    QCOMPARE(password.value(QLatin1String("title")).toString(), QStringLiteral("Resetting your password"));
    QVERIFY(password.value(QLatin1String("content")).toString().contains(QStringLiteral("Reset password")));
    QCOMPARE(password.value(QLatin1String("keywords")).toArray(),
        QJsonArray({QStringLiteral("password"), QStringLiteral("login")}));
    QVERIFY(articleFrom(m_site->url(QStringLiteral("/hc/en-us/articles/3"))).isEmpty());
    // The AI answers from the imported article, with a link to its page.
    r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("hc-reader"), QStringLiteral("hi")));
    QVERIFY2(r.status == 201, describe(r));
    r = m_admin->post(
        QStringLiteral("/api/cs/sessions/%1/messages").arg(r.json().value(QLatin1String("id")).toString()),
        {{QStringLiteral("message"), QStringLiteral("do your gift cards ever expire?")}});
    QVERIFY2(r.status == 201, describe(r));
    const QString answer
        = r.json().value(QLatin1String("aiResponse")).toObject().value(QLatin1String("content")).toString();
    QVERIFY2(answer.contains(QStringLiteral("Gift cards never expire")), qPrintable(answer));
    QVERIFY2(answer.contains(m_site->url(QStringLiteral("/hc/en-us/articles/4"))), qPrintable(answer));
    QCOMPARE(m_admin->get(path()).json().value(QLatin1String("sources")).toArray().size(), 2);
}

void TestCsApiKbSources::filesBecomeArticles()
{
    const QByteArray body
        = part("warranty-terms.pdf", "application/pdf", pdfWith(QStringLiteral("Wheels carry a five year warranty.")))
        + part("scan.pdf", "application/pdf", pdfWith({}))
        + part("care.md", "text/markdown",
            "---\ntitle: Chain care\nkeywords: chain, oil\n---\n\nOil the chain every 300 km.\n")
        + part("tool.exe", "application/octet-stream", QByteArray("MZ\x90\x00", 4)) + "--XyZ--\r\n";
    const HttpResult r
        = m_admin->send("POST", QStringLiteral("/api/cs/kb/files?companyId=%1").arg(m_server.companyId()), body,
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("multipart/form-data; boundary=XyZ")}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonArray articles = r.json().value(QLatin1String("articles")).toArray();
    QCOMPARE(articles.size(), 2);
    QCOMPARE(articles.at(0).toObject().value(QLatin1String("title")).toString(), QStringLiteral("Warranty terms"));
    QCOMPARE(articles.at(1).toObject().value(QLatin1String("title")).toString(), QStringLiteral("Chain care"));
    QCOMPARE(
        articles.at(0).toObject().value(QLatin1String("source")).toObject().value(QLatin1String("kind")).toString(),
        QStringLiteral("file"));
    const QJsonArray failed = r.json().value(QLatin1String("failed")).toArray();
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(0).toObject().value(QLatin1String("file")).toString(), QStringLiteral("scan.pdf"));
    QCOMPARE(failed.at(0).toObject().value(QLatin1String("error")).toString(), QStringLiteral("no text"));
    QCOMPARE(failed.at(1).toObject().value(QLatin1String("file")).toString(), QStringLiteral("tool.exe"));
    const QJsonObject pdf = articleFrom(QStringLiteral("warranty-terms.pdf"));
    QVERIFY2(pdf.value(QLatin1String("content")).toString().contains(QStringLiteral("five year warranty")),
        qPrintable(pdf.value(QLatin1String("content")).toString()));
    // Not a form at all: the family's error.
    const HttpResult bad
        = m_admin->send("POST", QStringLiteral("/api/cs/kb/files?companyId=%1").arg(m_server.companyId()), "plain",
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}});
    QVERIFY2(checkErrorBody(bad, 400, QStringLiteral("CS_011")).isEmpty(), describe(bad));
}

void TestCsApiKbSources::badInputIsRefusedNamingTheField_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject ok{{QStringLiteral("kind"), QStringLiteral("website")},
        {QStringLiteral("url"), QStringLiteral("https://help.example/sitemap.xml")}};
    auto with = [&ok](const char *key, const QJsonValue &v) {
        QJsonObject o = ok;
        o.insert(QLatin1String(key), v);
        return o;
    };
    QTest::newRow("unknown kind") << with("kind", QStringLiteral("ftp-site")) << "kind";
    QTest::newRow("not http") << with("url", QStringLiteral("ftp://help.example/")) << "url";
    QTest::newRow("no url") << with("url", QJsonValue()) << "url";
    QTest::newRow("no pages") << with("maxPages", 0) << "maxPages";
    QTest::newRow("too many pages") << with("maxPages", 5001) << "maxPages";
    QTest::newRow("half a page") << with("maxPages", 1.5) << "maxPages";
    QTest::newRow("a huge number") << with("maxPages", 1e300) << "maxPages";
    QTest::newRow("include not a list") << with("include", QStringLiteral("/help/")) << "include";
    QTest::newRow("include not a path") << with("include", QJsonArray{QStringLiteral("help")}) << "include";
    QTest::newRow("sync hours") << with("syncHours", -1) << "syncHours";
    QTest::newRow("auth on a website") << with("auth",
        QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), QStringLiteral("t")}})
                                       << "auth";
}

void TestCsApiKbSources::badInputIsRefusedNamingTheField()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const HttpResult r = m_admin->post(path(), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), field);
}

void TestCsApiKbSources::agentsCannotTouchSources()
{
    QCOMPARE(m_agent->get(path()).status, 403);
    QCOMPARE(m_agent->post(path(), QJsonObject{{QStringLiteral("kind"), QStringLiteral("website")}}).status, 403);
    QCOMPARE(m_admin->get(path(QStringLiteral("/999999"))).status, 404);
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/kb/sources?companyId=other")).status, 404);
}

QTEST_MAIN(TestCsApiKbSources)
#include "tst_csapi_kbsources.moc"
