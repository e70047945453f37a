// Sitemap: a <urlset> and a <sitemapindex> as help centers publish them (namespaces, extensions,
// CDATA, every W3C Datetime form), gzipped ones made here with zlib, and the protocol's bounds.
#include "core/integrations/web/Sitemap.h"

#include <QTest>

#include <zlib.h>

using namespace tierdesk;
using namespace tierdesk::web;

namespace {

QByteArray gzipped(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2 failed");
    QByteArray out(static_cast<qsizetype>(deflateBound(&z, static_cast<uLong>(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate failed");
    out.truncate(static_cast<qsizetype>(z.total_out));
    deflateEnd(&z);
    return out;
}

QByteArray urlset(const QByteArray &entries)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        + entries + "</urlset>\n";
}

Sitemap parsedOk(const QByteArray &body)
{
    const auto sitemap = Sitemap::parse(body);
    if (!sitemap)
        qFatal("parse failed: %s", qPrintable(sitemap.error().message));
    return *sitemap;
}

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class TestSitemap : public QObject {
    Q_OBJECT

private slots:
    void helpCenterUrlset();
    void sitemapIndex();
    void gzippedSitemap();
    void lastModified_data();
    void lastModified();
    void skippedEntries();
    void refusals_data();
    void refusals();
    void entryLimit();
    void unpackedSizeLimit();
};

void TestSitemap::helpCenterUrlset()
{
    const Sitemap sitemap = parsedOk(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\n"
        "        xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"\n"
        "        xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">\n"
        "  <url>\n"
        "    <loc>https://help.northwind.example/hc/en-us/articles/360001-How-do-I-return-an-item</loc>\n"
        "    <lastmod>2024-03-01T10:00:00Z</lastmod>\n"
        "    <changefreq>weekly</changefreq><priority>0.8</priority>\n"
        "    <xhtml:link rel=\"alternate\" hreflang=\"de\" "
        "href=\"https://help.northwind.example/hc/de/articles/360001\"/>\n"
        "    <image:image><image:loc>https://cdn.northwind.example/return.png</image:loc></image:image>\n"
        "  </url>\n"
        "  <url><loc>\n    https://help.northwind.example/hc/en-us/articles/360002?lang=en&amp;x=1\n  </loc></url>\n"
        "  <url><loc><![CDATA[https://help.northwind.example/hc/en-us/articles/360003]]></loc>"
        "<lastmod>2024-02-29</lastmod></url>\n"
        "</urlset>\n");
    QCOMPARE(sitemap.kind, Sitemap::Kind::UrlSet);
    QVERIFY(!sitemap.truncated);
    QCOMPARE(sitemap.entries.size(), 3);
    QCOMPARE(sitemap.entries[0].loc,
        QUrl(QStringLiteral("https://help.northwind.example/hc/en-us/articles/360001-How-do-I-return-an-item")));
    QCOMPARE(sitemap.entries[0].lastModified, utc(2024, 3, 1, 10));
    QCOMPARE(sitemap.entries[1].loc,
        QUrl(QStringLiteral("https://help.northwind.example/hc/en-us/articles/360002?lang=en&x=1")));
    QVERIFY(!sitemap.entries[1].lastModified.isValid());
    QCOMPARE(sitemap.entries[2].loc, QUrl(QStringLiteral("https://help.northwind.example/hc/en-us/articles/360003")));
    QCOMPARE(sitemap.entries[2].lastModified, utc(2024, 2, 29));
}

void TestSitemap::sitemapIndex()
{
    const Sitemap index = parsedOk("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                                   "  <sitemap><loc>https://help.example/sitemap-1.xml.gz</loc>"
                                   "<lastmod>2024-04-01T08:00:00+02:00</lastmod></sitemap>\n"
                                   "  <sitemap><loc>https://help.example/sitemap-2.xml</loc></sitemap>\n"
                                   "  <url><loc>https://help.example/not-an-index-entry</loc></url>\n"
                                   "</sitemapindex>\n");
    QCOMPARE(index.kind, Sitemap::Kind::Index);
    QCOMPARE(index.entries.size(), 2);
    QCOMPARE(index.entries[0].loc, QUrl(QStringLiteral("https://help.example/sitemap-1.xml.gz")));
    QCOMPARE(index.entries[0].lastModified, utc(2024, 4, 1, 6));
    QCOMPARE(index.entries[1].loc, QUrl(QStringLiteral("https://help.example/sitemap-2.xml")));
}

void TestSitemap::gzippedSitemap()
{
    QByteArray entries;
    for (int i = 0; i < 1000; ++i)
        entries += "<url><loc>https://help.example/hc/articles/" + QByteArray::number(i) + "</loc></url>\n";
    const QByteArray packed = gzipped(urlset(entries));
    const Sitemap sitemap = parsedOk(packed);
    QCOMPARE(sitemap.entries.size(), 1000);
    QCOMPARE(sitemap.entries.last().loc, QUrl(QStringLiteral("https://help.example/hc/articles/999")));

    const auto cut = Sitemap::parse(packed.left(packed.size() / 2));
    QVERIFY(!cut);
    QCOMPARE(cut.error().kind, ErrorKind::InvalidArgument);
    QVERIFY(cut.error().message.contains(QLatin1String("gzip")));
    QCOMPARE(Sitemap::parse(QByteArray("\x1f\x8bnot gzip at all")).error().kind, ErrorKind::InvalidArgument);
}

void TestSitemap::lastModified_data()
{
    QTest::addColumn<QString>("lastmod");
    QTest::addColumn<QDateTime>("utc");
    QTest::newRow("year") << QStringLiteral("2024") << utc(2024, 1, 1);
    QTest::newRow("month") << QStringLiteral("2024-05") << utc(2024, 5, 1);
    QTest::newRow("date") << QStringLiteral(" 2024-05-17 ") << utc(2024, 5, 17);
    QTest::newRow("minutes and zone") << QStringLiteral("2024-05-17T10:20+02:00") << utc(2024, 5, 17, 8, 20);
    QTest::newRow("seconds, Z") << QStringLiteral("2024-05-17T10:20:30Z") << utc(2024, 5, 17, 10, 20, 30);
    QTest::newRow("fraction") << QStringLiteral("2024-05-17T10:20:30.45-05:00") << utc(2024, 5, 17, 15, 20, 30, 450);
    QTest::newRow("no zone is UTC") << QStringLiteral("2024-05-17T10:20:30") << utc(2024, 5, 17, 10, 20, 30);
    QTest::newRow("not a date") << QStringLiteral("yesterday") << QDateTime();
    QTest::newRow("impossible date") << QStringLiteral("2024-02-30") << QDateTime();
}

void TestSitemap::lastModified()
{
    QFETCH(QString, lastmod);
    QFETCH(QDateTime, utc);
    const Sitemap sitemap
        = parsedOk(urlset("<url><loc>https://h.example/a</loc><lastmod>" + lastmod.toUtf8() + "</lastmod></url>"));
    QCOMPARE(sitemap.entries.size(), 1);
    QCOMPARE(sitemap.entries[0].lastModified.isValid(), utc.isValid());
    if (utc.isValid())
        QCOMPARE(sitemap.entries[0].lastModified, utc);
}

void TestSitemap::skippedEntries()
{
    // Entries without a usable <loc> are left out; a sitemap without a namespace still reads.
    const Sitemap sitemap = parsedOk("<urlset>"
                                     "<url><lastmod>2024-01-01</lastmod></url>"
                                     "<url><loc>/relative/page</loc></url>"
                                     "<url><loc>mailto:help@h.example</loc></url>"
                                     "<url><loc>   </loc></url>"
                                     "<other><loc>https://h.example/other</loc></other>"
                                     "<url><loc>http://h.example/kept</loc></url>"
                                     "</urlset>");
    QCOMPARE(sitemap.entries.size(), 1);
    QCOMPARE(sitemap.entries[0].loc, QUrl(QStringLiteral("http://h.example/kept")));
    QVERIFY(parsedOk(urlset({})).entries.isEmpty());
}

void TestSitemap::refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><body>Not found</body></html>");
    QTest::newRow("rss") << QByteArray("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>");
    QTest::newRow("not well-formed") << urlset("<url><loc>https://h.example/a</loc></url><url><loc>x</url>");
    QTest::newRow("cut short") << urlset("<url><loc>https://h.example/a</loc></url>").left(120);
    QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY a \"aaaaaaaaaa\">";
    for (char e = 'b'; e <= 'h'; ++e)
        laughs += "<!ENTITY " + QByteArray(1, e) + " \""
            + QByteArray("&" + QByteArray(1, char(e - 1)) + ";").repeated(10) + "\">";
    laughs += "]><urlset><url><loc>https://h.example/&h;</loc></url></urlset>";
    QTest::newRow("entity expansion") << laughs;
}

void TestSitemap::refusals()
{
    QFETCH(QByteArray, body);
    const auto sitemap = Sitemap::parse(body);
    QVERIFY(!sitemap);
    QCOMPARE(sitemap.error().kind, ErrorKind::InvalidArgument);
    QVERIFY(!sitemap.error().message.isEmpty());
}

void TestSitemap::entryLimit()
{
    QByteArray entries;
    for (int i = 0; i <= Sitemap::kMaxEntries; ++i)
        entries += "<url><loc>https://h.example/" + QByteArray::number(i) + "</loc></url>";
    const Sitemap sitemap = parsedOk(urlset(entries));
    QVERIFY(sitemap.truncated);
    QCOMPARE(sitemap.entries.size(), Sitemap::kMaxEntries);
    QCOMPARE(sitemap.entries.last().loc, QUrl(QStringLiteral("https://h.example/49999")));
}

void TestSitemap::unpackedSizeLimit()
{
    const QByteArray large = urlset("<!--" + QByteArray(Sitemap::kMaxBytes, ' ') + "-->");
    const auto packed = Sitemap::parse(gzipped(large));
    QVERIFY(!packed);
    QCOMPARE(packed.error().kind, ErrorKind::LimitExceeded);
    const auto plain = Sitemap::parse(large);
    QVERIFY(!plain);
    QCOMPARE(plain.error().kind, ErrorKind::LimitExceeded);
}

QTEST_GUILESS_MAIN(TestSitemap)
#include "tst_sitemap.moc"
