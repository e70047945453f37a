// HtmlPage: a help center's page read for the knowledge base. Real page samples (tests/integrations/web/)
// with their navigation, header, footer and sidebar chrome; the main content's choice, its headings,
// lists and tables; title, canonical address, links and robots directives; charsets; limits.
#include "core/integrations/web/HtmlPage.h"
#include "tests/support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::web;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(test::sourceDir() + QStringLiteral("/tests/integrations/web/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(file.fileName()));
    return file.readAll();
}

const QUrl kArticleUrl(
    QStringLiteral("https://help.northwind.example/hc/en-us/articles/360001-How-do-I-return-an-item"));

HtmlPage parsed(const QByteArray &html, const QUrl &url = kArticleUrl, const QByteArray &charset = {})
{
    auto page = HtmlPage::parse(html, url, charset);
    if (!page)
        qFatal("parse failed: %s", qPrintable(page.error().message));
    return *page;
}

QList<QUrl> urls(const QStringList &list)
{
    QList<QUrl> out;
    for (const QString &s : list)
        out.append(QUrl(s));
    return out;
}

} // namespace

class TestHtmlPage : public QObject {
    Q_OBJECT

private slots:
    void helpCenterArticle();
    void helpCenterLinks();
    void pageWithoutMain();
    void contentChoice_data();
    void contentChoice();
    void headings_data();
    void headings();
    void title_data();
    void title();
    void canonical_data();
    void canonical();
    void links_data();
    void links();
    void metaRobots_data();
    void metaRobots();
    void charsets_data();
    void charsets();
    void limits();
};

void TestHtmlPage::helpCenterArticle()
{
    const HtmlPage page = parsed(sample(QStringLiteral("help_center_article.html")));
    QCOMPARE(page.url, kArticleUrl);
    QCOMPARE(page.title, QStringLiteral("How do I return an item?"));
    QCOMPARE(page.canonicalUrl, kArticleUrl);
    QVERIFY(!page.robots.noindex);
    QVERIFY(!page.robots.nofollow);
    // <main> holds it; breadcrumbs (nav), the search form, the sidebar (aside), the votes (the
    // article's footer and its buttons) and the script are chrome; the article's own header stays.
    QCOMPARE(page.text,
        QStringLiteral("# How do I return an item?\n\n"
                       "Updated March 1, 2024\n\n"
                       "You can return most items within 30 days of delivery.\n\n"
                       "## Before you start\n\n"
                       "- Keep the original packaging.\n"
                       "- Have your order number ready, for example ORD-10005.\n"
                       "  - It is in your confirmation e-mail.\n"
                       "  - It is also under Your orders.\n\n"
                       "## Return shipping costs\n\n"
                       "Country | Cost\n"
                       "United States | Free\n"
                       "Canada | $4.99\n\n"
                       "### Damaged items\n\n"
                       "Send us a photo of the damage.\n"
                       "We replace the item at no cost."));
}

void TestHtmlPage::helpCenterLinks()
{
    // Navigation's links too; "#main-content" is the page itself, /privacy is rel="nofollow",
    // mailto: and javascript: are no pages; each once, fragments dropped.
    const HtmlPage page = parsed(sample(QStringLiteral("help_center_article.html")));
    QCOMPARE(page.links,
        urls({QStringLiteral("https://help.northwind.example/hc/en-us"),
            QStringLiteral("https://help.northwind.example/hc/en-us/requests/new"),
            QStringLiteral("https://northwind.example/"),
            QStringLiteral("https://help.northwind.example/hc/en-us/categories/200-Orders-Returns"),
            QStringLiteral("https://help.northwind.example/hc/en-us/articles/360002-Refund-times"),
            QStringLiteral("https://help.northwind.example/hc/en-us/articles/360003")}));
}

void TestHtmlPage::pageWithoutMain()
{
    // No <main> nor <article>: the body without the page's header, the role=navigation sidebar,
    // <aside> and <footer>; a section's own <header> stays. <base href> is relative to the page.
    const QUrl url(QStringLiteral("https://docs.contoso.example/guide/v2/install.html"));
    const HtmlPage page = parsed(sample(QStringLiteral("docs_page_without_main.html")), url);
    QCOMPARE(page.title, QStringLiteral("Installing the agent | Contoso Docs"));
    QVERIFY(page.canonicalUrl.isEmpty());
    QVERIFY(page.robots.noindex);
    QVERIFY(!page.robots.nofollow);
    QCOMPARE(page.text,
        QStringLiteral("## Installing the agent\n\n"
                       "Download the package for your system, then run the installer. The agent starts on its "
                       "own after a reboot.\n\n"
                       "sudo dpkg -i contoso-agent.deb\n"
                       "sudo systemctl enable --now contoso-agent\n\n"
                       "Icons show the agent's state.\n\n"
                       "Port\n"
                       "8443 (HTTPS)"));
    QCOMPARE(page.links,
        urls({QStringLiteral("https://docs.contoso.example/"),
            QStringLiteral("https://docs.contoso.example/guide/v2/setup.html"),
            QStringLiteral("https://docs.contoso.example/guide/v2/faq/"),
            QStringLiteral("https://docs.contoso.example/guide/v2/index.html"),
            QStringLiteral("https://docs.contoso.example/guide/v1/setup.html"),
            QStringLiteral("https://contoso.example/legal")}));
}

void TestHtmlPage::contentChoice_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("main before article") << QStringLiteral(
        "<body><article>Teaser</article><main><p>Main text</p></main></body>")
                                         << QStringLiteral("Main text");
    QTest::newRow("article") << QStringLiteral("<body><div>Menu</div><article><p>Body</p></article>More</body>")
                             << QStringLiteral("Body");
    QTest::newRow("role main") << QStringLiteral("<body><div>Menu</div><div role=\"main\"><p>Body</p></div></body>")
                               << QStringLiteral("Body");
    QTest::newRow("empty main falls back")
        << QStringLiteral("<body><main><div id=app></div></main><article>Server text</article></body>")
        << QStringLiteral("Server text");
    QTest::newRow("hidden main skipped") << QStringLiteral("<body><main hidden>Old</main><main>New</main></body>")
                                         << QStringLiteral("New");
    QTest::newRow("body chrome") << QStringLiteral(
        "<body><header>Logo</header><nav>Home</nav><div role=\"banner\">Banner</div><p>Text</p>"
        "<aside>Ads</aside><div role=\"contentinfo\">Copyright</div><footer>Footer</footer></body>")
                                 << QStringLiteral("Text");
    QTest::newRow("forms and buttons") << QStringLiteral(
        "<main><p>Text</p><form><label>Email</label><input></form><button>Copy</button>"
        "<div role=\"search\">Search</div></main>")
                                       << QStringLiteral("Text");
    QTest::newRow("section header stays")
        << QStringLiteral("<body><header>Site</header><section><header><h2>Topic</h2></header>Text</section></body>")
        << QStringLiteral("## Topic\n\nText");
    QTest::newRow("entities and white space")
        << QStringLiteral("<main>  caf&eacute; &amp;\n\t cr&egrave;me&nbsp;&euro;  </main>")
        << QStringLiteral("café & crème €");
    QTest::newRow("pre keeps its lines, one blank line at most")
        << QStringLiteral("<main><p>x</p><pre>\n  a\n\n \n\n    b  \n</pre>y</main>")
        << QStringLiteral("x\n\n  a\n\n    b\n\ny");
    QTest::newRow("no body at all") << QStringLiteral("Just text") << QStringLiteral("Just text");
    QTest::newRow("nothing") << QString() << QString();
}

void TestHtmlPage::contentChoice()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(parsed(html.toUtf8()).text, text);
}

void TestHtmlPage::headings_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("levels") << QStringLiteral(
        "<main><h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6></main>")
                            << QStringLiteral("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F");
    QTest::newRow("inline markup and br stay on the line")
        << QStringLiteral("<main><h2>Return <em>and</em><br>refund</h2>Text</main>")
        << QStringLiteral("## Return and refund\n\nText");
    QTest::newRow("empty heading leaves no marker")
        << QStringLiteral("<main><h2><img src=x></h2><p>Text</p></main>") << QStringLiteral("Text");
    QTest::newRow("heading in a list item")
        << QStringLiteral("<main><ul><li><h3>Step</h3>Do it</li></ul></main>") << QStringLiteral("### Step\n\nDo it");
}

void TestHtmlPage::headings()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(parsed(html.toUtf8()).text, text);
}

void TestHtmlPage::title_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("title");
    QTest::newRow("h1 in the content first")
        << QStringLiteral("<title>T</title><header><h1>Site name</h1></header><main><h1>Article</h1></main>")
        << QStringLiteral("Article");
    QTest::newRow("h1 outside the content")
        << QStringLiteral("<title>T</title><h1>Heading</h1><main><p>x</p></main>") << QStringLiteral("Heading");
    QTest::newRow("h1 without words skipped")
        << QStringLiteral("<title>T</title><h1><img alt=logo></h1><h1>Second</h1>") << QStringLiteral("Second");
    QTest::newRow("title") << QStringLiteral("<title>\n  Page &amp;\n title </title><p>x</p>")
                           << QStringLiteral("Page & title");
    QTest::newRow("none") << QStringLiteral("<p>x</p>") << QString();
}

void TestHtmlPage::title()
{
    QFETCH(QString, html);
    QFETCH(QString, title);
    QCOMPARE(parsed(html.toUtf8()).title, title);
}

void TestHtmlPage::canonical_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("relative") << QStringLiteral("<link rel=canonical href=\"../360001?x=1#top\">")
                              << QStringLiteral("https://help.northwind.example/hc/en-us/360001?x=1");
    QTest::newRow("against base") << QStringLiteral(
        "<base href=\"https://cdn.example/base/\"><link rel=\"Canonical\" href=\"page\">")
                                  << QStringLiteral("https://cdn.example/base/page");
    QTest::newRow("among rel tokens") << QStringLiteral(
        "<link rel=\"alternate canonical\" href=\"https://x.example/a\">")
                                      << QStringLiteral("https://x.example/a");
    QTest::newRow("not http") << QStringLiteral("<link rel=canonical href=\"ftp://x.example/a\">") << QString();
    QTest::newRow("in the body ignored") << QStringLiteral("<p>x</p><link rel=canonical href=\"https://x.example/a\">")
                                         << QString();
    QTest::newRow("first one wins") << QStringLiteral(
        "<link rel=canonical href=\"https://x.example/a\"><link rel=canonical href=\"https://x.example/b\">")
                                    << QStringLiteral("https://x.example/a");
}

void TestHtmlPage::canonical()
{
    QFETCH(QString, html);
    QFETCH(QString, canonical);
    QCOMPARE(parsed(html.toUtf8()).canonicalUrl, QUrl(canonical));
}

void TestHtmlPage::links_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("links");
    QTest::newRow("resolved, fragments dropped, each once")
        << QStringLiteral(
               "<a href=\"/a#x\">1</a><a href=\"/a#y\">2</a><a href=\" b \">3</a><a href=\"//other.example/c\">4</a>")
        << QStringList{QStringLiteral("https://help.northwind.example/a"),
               QStringLiteral("https://help.northwind.example/hc/en-us/articles/b"),
               QStringLiteral("https://other.example/c")};
    QTest::newRow("only http and https") << QStringLiteral(
        "<a href=\"mailto:a@b.example\">m</a><a href=\"tel:+1\">t</a><a href=\"javascript:x()\">j</a>"
        "<a href=\"ftp://f.example/\">f</a><a href=\"http://plain.example/\">h</a><a>no href</a>")
                                         << QStringList{QStringLiteral("http://plain.example/")};
    QTest::newRow("the page itself is no link")
        << QStringLiteral("<a href=\"#top\">t</a><a href=\"\">e</a><a href=\"360001-How-do-I-return-an-item\">s</a>")
        << QStringList{};
    QTest::newRow("nofollow") << QStringLiteral("<a rel=\"noopener NoFollow\" href=\"/x\">x</a><a href=\"/y\">y</a>")
                              << QStringList{QStringLiteral("https://help.northwind.example/y")};
    QTest::newRow("template links are not on the page")
        << QStringLiteral("<template><a href=\"/t\">t</a></template><a href=\"/y\">y</a>")
        << QStringList{QStringLiteral("https://help.northwind.example/y")};
    QTest::newRow("base href") << QStringLiteral("<base href=\"/docs/\"><a href=\"a.html\">a</a>")
                               << QStringList{QStringLiteral("https://help.northwind.example/docs/a.html")};
}

void TestHtmlPage::links()
{
    QFETCH(QString, html);
    QFETCH(QStringList, links);
    QCOMPARE(parsed(html.toUtf8()).links, urls(links));
}

void TestHtmlPage::metaRobots_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<bool>("noindex");
    QTest::addColumn<bool>("nofollow");
    QTest::newRow("none given") << QStringLiteral("<meta name=description content=noindex>") << false << false;
    QTest::newRow("noindex") << QStringLiteral("<meta name=robots content=\"noindex\">") << true << false;
    QTest::newRow("nofollow, any case") << QStringLiteral("<meta name=\"ROBOTS\" content=\"index, NoFollow\">") << false
                                        << true;
    QTest::newRow("none") << QStringLiteral("<meta name=robots content=none>") << true << true;
    QTest::newRow("our own name") << QStringLiteral("<meta name=Tierdesk content=\"noindex nofollow\">") << true
                                  << true;
    QTest::newRow("another crawler's name")
        << QStringLiteral("<meta name=googlebot content=\"noindex, nofollow\">") << false << false;
    QTest::newRow("several combine") << QStringLiteral(
        "<meta name=robots content=noindex><meta name=tierdesk content=nofollow>")
                                     << true << true;
}

void TestHtmlPage::metaRobots()
{
    QFETCH(QString, html);
    QFETCH(bool, noindex);
    QFETCH(bool, nofollow);
    const HtmlPage page = parsed(html.toUtf8());
    QCOMPARE(page.robots.noindex, noindex);
    QCOMPARE(page.robots.nofollow, nofollow);
}

void TestHtmlPage::charsets_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QByteArray>("charset");
    QTest::newRow("utf-8") << QByteArray("<main>Caf\xC3\xA9</main>") << QByteArray();
    QTest::newRow("utf-8 with byte order mark")
        << QByteArray("\xEF\xBB\xBF<title>x</title><main>Caf\xC3\xA9</main>") << QByteArray();
    QTest::newRow("meta charset latin-1")
        << QByteArray("<meta charset=\"iso-8859-1\"><main>Caf\xE9</main>") << QByteArray();
    QTest::newRow("content type latin-1") << QByteArray("<main>Caf\xE9</main>") << QByteArray("ISO-8859-1");
    QTest::newRow("content type beats meta")
        << QByteArray("<meta charset=\"iso-8859-1\"><main>Caf\xC3\xA9</main>") << QByteArray("utf-8");
    QTest::newRow("windows-1252") << QByteArray("<meta charset=\"windows-1252\"><main>Caf\xE9</main>") << QByteArray();
    QTest::newRow("unknown charset, not utf-8")
        << QByteArray("<meta charset=\"x-made-up\"><main>Caf\xE9</main>") << QByteArray();
    QTest::newRow("unknown charset, utf-8") << QByteArray("<main>Caf\xC3\xA9</main>") << QByteArray("x-made-up");
    QTest::newRow("utf-16 with byte order mark")
        << QByteArray("\xFF\xFE<\0m\0a\0i\0n\0>\0C\0a\0f\0\xE9\0", 22) << QByteArray();
}

void TestHtmlPage::charsets()
{
    QFETCH(QByteArray, html);
    QFETCH(QByteArray, charset);
    const HtmlPage page = parsed(html, kArticleUrl, charset);
    QCOMPARE(page.text, QStringLiteral("Café"));
}

void TestHtmlPage::limits()
{
    const auto tooLarge = HtmlPage::parse(QByteArray(HtmlPage::kMaxBytes + 1, 'x'), kArticleUrl);
    QVERIFY(!tooLarge);
    QCOMPARE(tooLarge.error().kind, ErrorKind::LimitExceeded);

    const auto manyTags = HtmlPage::parse(QByteArray("<i>x</i>").repeated(50001), kArticleUrl);
    QVERIFY(!manyTags);
    QCOMPARE(manyTags.error().kind, ErrorKind::LimitExceeded);

    // Every unclosed formatting element opened again in each of many <div>s: the HTML5 algorithm
    // builds a tree thousands of times the input's size; refused within the memory budget.
    QByteArray explosive = "<div>";
    for (int i = 0; i < 500; ++i)
        explosive += "<b id=" + QByteArray::number(i) + '>';
    explosive += "</div>" + QByteArray("<div>x</div>").repeated(20000);
    const auto exploding = HtmlPage::parse(explosive, kArticleUrl);
    QVERIFY(!exploding);
    QCOMPARE(exploding.error().kind, ErrorKind::LimitExceeded);
    QVERIFY(exploding.error().message.contains(QLatin1String("memory")));

    QVERIFY(HtmlPage::parse(QByteArray("<i>x</i>").repeated(50000), kArticleUrl).ok());
}

QTEST_GUILESS_MAIN(TestHtmlPage)
#include "tst_htmlpage.moc"
