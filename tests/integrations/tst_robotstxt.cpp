// RobotsTxt: RFC 9309 as Google reads it. The matching and precedence examples are Google's own
// (developers.google.com/search/docs/crawling-indexing/robots/robots_txt); groups, crawl delay,
// sitemaps, syntax and encoding edge cases.
#include "core/integrations/web/RobotsTxt.h"

#include <QTest>

using namespace tierdesk::web;

class TestRobotsTxt : public QObject {
    Q_OBJECT

private slots:
    void matching_data();
    void matching();
    void precedence_data();
    void precedence();
    void groups_data();
    void groups();
    void crawlDelay_data();
    void crawlDelay();
    void sitemaps();
    void syntax_data();
    void syntax();
    void encoding_data();
    void encoding();
    void urls();
    void fetchOutcomes();
    void sizeCap();
};

void TestRobotsTxt::matching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("matching");
    QTest::addColumn<QStringList>("other");
    QTest::newRow("/fish") << QStringLiteral("/fish")
                           << QStringList{QStringLiteral("/fish"), QStringLiteral("/fish.html"),
                                  QStringLiteral("/fish/salmon.html"), QStringLiteral("/fishheads"),
                                  QStringLiteral("/fishheads/yummy.html"), QStringLiteral("/fish.php?id=anything")}
                           << QStringList{QStringLiteral("/Fish.asp"), QStringLiteral("/catfish"),
                                  QStringLiteral("/?id=fish"), QStringLiteral("/desert/fish")};
    QTest::newRow("/fish*") << QStringLiteral("/fish*")
                            << QStringList{QStringLiteral("/fish"), QStringLiteral("/fish.html"),
                                   QStringLiteral("/fishheads/yummy.html")}
                            << QStringList{QStringLiteral("/Fish.asp"), QStringLiteral("/catfish")};
    QTest::newRow("/fish/") << QStringLiteral("/fish/")
                            << QStringList{QStringLiteral("/fish/"), QStringLiteral("/fish/?id=anything"),
                                   QStringLiteral("/fish/salmon.htm")}
                            << QStringList{QStringLiteral("/fish"), QStringLiteral("/fish.html"),
                                   QStringLiteral("/animals/fish/"), QStringLiteral("/Fish/Salmon.asp")};
    QTest::newRow("/*.php") << QStringLiteral("/*.php")
                            << QStringList{QStringLiteral("/index.php"), QStringLiteral("/filename.php"),
                                   QStringLiteral("/folder/filename.php"),
                                   QStringLiteral("/folder/filename.php?parameters"),
                                   QStringLiteral("/folder/any.php.file.html"), QStringLiteral("/filename.php/")}
                            << QStringList{QStringLiteral("/"), QStringLiteral("/windows.PHP")};
    QTest::newRow("/*.php$") << QStringLiteral("/*.php$")
                             << QStringList{QStringLiteral("/filename.php"), QStringLiteral("/folder/filename.php")}
                             << QStringList{QStringLiteral("/filename.php?parameters"),
                                    QStringLiteral("/filename.php/"), QStringLiteral("/filename.php5"),
                                    QStringLiteral("/windows.PHP")};
    QTest::newRow("/fish*.php") << QStringLiteral(
        "/fish*.php") << QStringList{QStringLiteral("/fish.php"), QStringLiteral("/fishheads/catfish.php?parameters")}
                                << QStringList{QStringLiteral("/Fish.PHP")};
    QTest::newRow("$ inside is a character")
        << QStringLiteral("/a$b") << QStringList{QStringLiteral("/a$b"), QStringLiteral("/a$bc")}
        << QStringList{QStringLiteral("/a")};
    QTest::newRow("several stars") << QStringLiteral("/*a*b*$")
                                   << QStringList{QStringLiteral("/ab"), QStringLiteral("/xxaxxbxx")}
                                   << QStringList{QStringLiteral("/ba"), QStringLiteral("/")};
}

void TestRobotsTxt::matching()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, matching);
    QFETCH(QStringList, other);
    const RobotsTxt robots = RobotsTxt::parse("User-agent: *\nDisallow: " + pattern.toUtf8() + '\n');
    for (const QString &path : matching)
        QVERIFY2(!robots.allowed(path), qPrintable(path));
    for (const QString &path : other)
        QVERIFY2(robots.allowed(path), qPrintable(path));
}

void TestRobotsTxt::precedence_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("longer allow") << QByteArray("allow: /p\ndisallow: /") << QStringLiteral("/page") << true;
    QTest::newRow("tie: allow wins") << QByteArray("allow: /folder\ndisallow: /folder")
                                     << QStringLiteral("/folder/page") << true;
    QTest::newRow("longer disallow") << QByteArray("allow: /page\ndisallow: /*.htm") << QStringLiteral("/page.htm")
                                     << false;
    QTest::newRow("tie with a wildcard") << QByteArray("allow: /page\ndisallow: /*.ph") << QStringLiteral("/page.php")
                                         << true;
    QTest::newRow("allow the root only") << QByteArray("allow: /$\ndisallow: /") << QStringLiteral("/") << true;
    QTest::newRow("allow the root only, page")
        << QByteArray("allow: /$\ndisallow: /") << QStringLiteral("/page.htm") << false;
    QTest::newRow("order does not matter")
        << QByteArray("disallow: /docs/\nallow: /docs/public/") << QStringLiteral("/docs/public/a") << true;
    QTest::newRow("no rule matches") << QByteArray("disallow: /private") << QStringLiteral("/public") << true;
}

void TestRobotsTxt::precedence()
{
    QFETCH(QByteArray, rules);
    QFETCH(QString, path);
    QFETCH(bool, allowed);
    QCOMPARE(RobotsTxt::parse("user-agent: *\n" + rules).allowed(path), allowed);
}

void TestRobotsTxt::groups_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("disallowed");
    QTest::addColumn<QStringList>("allowed");
    QTest::newRow("our group beats *") << QByteArray(
        "User-agent: *\nDisallow: /\n\nUser-agent: Tierdesk\nDisallow: /private\n")
                                       << QStringList{QStringLiteral("/private")}
                                       << QStringList{QStringLiteral("/public")};
    QTest::newRow("any case, with a version")
        << QByteArray("User-agent: tierDESK/1.0 (+https://tierdesk.example)\nDisallow: /a\n")
        << QStringList{QStringLiteral("/a")} << QStringList{QStringLiteral("/b")};
    QTest::newRow("our groups combine") << QByteArray(
        "User-agent: Tierdesk\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
        "User-agent: Tierdesk\nDisallow: /c\n")
                                        << QStringList{QStringLiteral("/a"), QStringLiteral("/c")}
                                        << QStringList{QStringLiteral("/b")};
    QTest::newRow("* when none names us")
        << QByteArray("User-agent: Googlebot\nDisallow: /g\n\nUser-agent: *\nDisallow: /all\n")
        << QStringList{QStringLiteral("/all")} << QStringList{QStringLiteral("/g")};
    QTest::newRow("no group for us at all")
        << QByteArray("User-agent: Googlebot\nDisallow: /\n") << QStringList{} << QStringList{QStringLiteral("/x")};
    QTest::newRow("agent lines in a row share the rules")
        << QByteArray("User-agent: a\nUser-agent: Tierdesk\nUser-agent: b\nDisallow: /x\n")
        << QStringList{QStringLiteral("/x")} << QStringList{};
    QTest::newRow("an agent line after rules starts a group")
        << QByteArray("User-agent: Tierdesk\nDisallow: /x\nUser-agent: other\nDisallow: /y\n")
        << QStringList{QStringLiteral("/x")} << QStringList{QStringLiteral("/y")};
    QTest::newRow("other products are not ours")
        << QByteArray("User-agent: Tierdesk-Bot\nUser-agent: Tierdeskbot\nDisallow: /\n") << QStringList{}
        << QStringList{QStringLiteral("/x")};
    QTest::newRow("rules before any agent are nobody's")
        << QByteArray("Disallow: /x\nUser-agent: *\nDisallow: /y\n") << QStringList{QStringLiteral("/y")}
        << QStringList{QStringLiteral("/x")};
    QTest::newRow("empty disallow allows all")
        << QByteArray("User-agent: *\nDisallow:\n") << QStringList{} << QStringList{QStringLiteral("/x")};
}

void TestRobotsTxt::groups()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, disallowed);
    QFETCH(QStringList, allowed);
    const RobotsTxt robots = RobotsTxt::parse(body);
    for (const QString &path : disallowed)
        QVERIFY2(!robots.allowed(path), qPrintable(path));
    for (const QString &path : allowed)
        QVERIFY2(robots.allowed(path), qPrintable(path));
}

void TestRobotsTxt::crawlDelay_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<double>("seconds");
    QTest::newRow("none") << QByteArray("User-agent: *\nDisallow: /x\n") << 0.0;
    QTest::newRow("whole seconds") << QByteArray("User-agent: *\nCrawl-delay: 5\n") << 5.0;
    QTest::newRow("decimals") << QByteArray("User-agent: *\ncrawl-delay: 0.5\n") << 0.5;
    QTest::newRow("capped") << QByteArray("User-agent: *\nCrawl-delay: 3600\n") << 10.0;
    QTest::newRow("not a number") << QByteArray("User-agent: *\nCrawl-delay: soon\n") << 0.0;
    QTest::newRow("negative") << QByteArray("User-agent: *\nCrawl-delay: -4\n") << 0.0;
    QTest::newRow("the first valid one") << QByteArray(
        "User-agent: *\nCrawl-delay: x\nCrawl-delay: 2\nCrawl-delay: 3\n")
                                         << 2.0;
    QTest::newRow("our group's, not *'s")
        << QByteArray("User-agent: *\nCrawl-delay: 7\n\nUser-agent: Tierdesk\nCrawl-delay: 1\n") << 1.0;
    QTest::newRow("our group without one") << QByteArray("User-agent: *\nCrawl-delay: 7\n\nUser-agent: Tierdesk\n"
                                                         "Disallow: /x\n")
                                           << 0.0;
}

void TestRobotsTxt::crawlDelay()
{
    QFETCH(QByteArray, body);
    QFETCH(double, seconds);
    QCOMPARE(RobotsTxt::parse(body).crawlDelaySeconds(), seconds);
}

void TestRobotsTxt::sitemaps()
{
    const RobotsTxt robots = RobotsTxt::parse("Sitemap: https://help.example/sitemap.xml\n"
                                              "User-agent: Googlebot\n"
                                              "sitemap: https://help.example/sitemap-articles.xml.gz # in a group\n"
                                              "Disallow: /\n"
                                              "SITEMAP: https://help.example/sitemap.xml\n"
                                              "Sitemap: /relative.xml\n"
                                              "Sitemap: ftp://help.example/sitemap.xml\n"
                                              "Sitemap: http://other.example/s.xml");
    QCOMPARE(robots.sitemaps(),
        (QList<QUrl>{QUrl(QStringLiteral("https://help.example/sitemap.xml")),
            QUrl(QStringLiteral("https://help.example/sitemap-articles.xml.gz")),
            QUrl(QStringLiteral("http://other.example/s.xml"))}));
    QVERIFY(robots.allowed(QStringLiteral("/x"))); // the Googlebot group is not ours
}

void TestRobotsTxt::syntax_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("disallowed");
    QTest::newRow("comments and blanks") << QByteArray(
        "# robots\n  User-Agent :  *   # everyone\n\n\tDISALLOW:\t/private # not this\n")
                                         << QStringLiteral("/private");
    QTest::newRow("crlf") << QByteArray("User-agent: *\r\nDisallow: /private\r\n") << QStringLiteral("/private");
    QTest::newRow("cr only") << QByteArray("User-agent: *\rDisallow: /private\r") << QStringLiteral("/private");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFUser-agent: *\nDisallow: /private")
                                     << QStringLiteral("/private");
    QTest::newRow("no colon") << QByteArray("User-agent *\nDisallow /private\n") << QStringLiteral("/private");
    QTest::newRow("no leading slash") << QByteArray("User-agent: *\nDisallow: private\n")
                                      << QStringLiteral("/private/a");
    QTest::newRow("unknown fields ignored")
        << QByteArray("User-agent: *\nNoindex: /x\nHost: example.com\nDisallow: /private\n")
        << QStringLiteral("/private");
    QTest::newRow("a path with a hash is a comment's start")
        << QByteArray("User-agent: *\nDisallow: /a#b\n") << QStringLiteral("/a");
}

void TestRobotsTxt::syntax()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, disallowed);
    const RobotsTxt robots = RobotsTxt::parse(body);
    QVERIFY(!robots.allowed(disallowed));
    QVERIFY(robots.allowed(QStringLiteral("/public")));
}

void TestRobotsTxt::encoding_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QString>("path");
    QTest::newRow("non-ASCII pattern, encoded path") << QByteArray("/caf\xC3\xA9") << QStringLiteral("/caf%C3%A9");
    QTest::newRow("encoded pattern, non-ASCII path") << QByteArray("/caf%c3%a9") << QStringLiteral("/café");
    QTest::newRow("hex case") << QByteArray("/a%3c") << QStringLiteral("/a%3Cb");
    QTest::newRow("encoded unreserved") << QByteArray("/%41bc") << QStringLiteral("/Abc");
    QTest::newRow("encoded unreserved in the path") << QByteArray("/Abc") << QStringLiteral("/%41bc");
}

void TestRobotsTxt::encoding()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QString, path);
    const RobotsTxt robots = RobotsTxt::parse("User-agent: *\nDisallow: " + pattern + '\n');
    QVERIFY(!robots.allowed(path));
    // A reserved character stays encoded: "%2F" is not "/".
    QVERIFY(RobotsTxt::parse("User-agent: *\nDisallow: /a/b\n").allowed(QStringLiteral("/a%2Fb")));
}

void TestRobotsTxt::urls()
{
    const RobotsTxt robots = RobotsTxt::parse("User-agent: *\nDisallow: /*?\nDisallow: /search\nAllow: /caf\xC3\xA9$\n"
                                              "Disallow: /caf\n");
    QVERIFY(!robots.allowed(QUrl(QStringLiteral("https://help.example/hc/articles/1?lang=de"))));
    QVERIFY(robots.allowed(QUrl(QStringLiteral("https://help.example/hc/articles/1#top"))));
    QVERIFY(!robots.allowed(QUrl(QStringLiteral("https://help.example/search"))));
    QVERIFY(robots.allowed(QUrl(QStringLiteral("https://help.example"))));
    QVERIFY(robots.allowed(QUrl(QStringLiteral("https://help.example/café"))));
    QVERIFY(!robots.allowed(QUrl(QStringLiteral("https://help.example/cafe"))));
    QVERIFY(robots.allowed(QStringLiteral("")));
    QVERIFY(robots.allowed(QStringLiteral("hc/a")));
}

void TestRobotsTxt::fetchOutcomes()
{
    // 4xx: everything allowed; 5xx or no answer: nothing but robots.txt itself.
    const RobotsTxt unavailable = RobotsTxt::disallowAll();
    QVERIFY(!unavailable.allowed(QStringLiteral("/")));
    QVERIFY(!unavailable.allowed(QStringLiteral("/hc/a")));
    QVERIFY(unavailable.allowed(QStringLiteral("/robots.txt")));
    QVERIFY(RobotsTxt().allowed(QStringLiteral("/anything")));
    QCOMPARE(RobotsTxt().crawlDelaySeconds(), 0.0);
    QVERIFY(RobotsTxt::parse("User-agent: *\nDisallow: /\n").allowed(QStringLiteral("/robots.txt")));
    QVERIFY(RobotsTxt::parse(QByteArray()).allowed(QStringLiteral("/x")));
    QVERIFY(RobotsTxt::parse(QByteArray("\0\xff garbage \x01", 12)).allowed(QStringLiteral("/x")));
}

void TestRobotsTxt::sizeCap()
{
    // What lies beyond the first 500 KiB is not read; a long pattern still matches in bounded time.
    QByteArray body = "User-agent: *\nDisallow: /early\n";
    body += QByteArray("# padding\n").repeated(RobotsTxt::kMaxBytes / 10);
    body += "Disallow: /late\n";
    const RobotsTxt robots = RobotsTxt::parse(body);
    QVERIFY(!robots.allowed(QStringLiteral("/early")));
    QVERIFY(robots.allowed(QStringLiteral("/late")));

    const RobotsTxt stars = RobotsTxt::parse("User-agent: *\nDisallow: /" + QByteArray("*a").repeated(2000) + "b\n");
    QVERIFY(stars.allowed(QLatin1Char('/') + QString(2000, QLatin1Char('a'))));
}

QTEST_GUILESS_MAIN(TestRobotsTxt)
#include "tst_robotstxt.moc"
