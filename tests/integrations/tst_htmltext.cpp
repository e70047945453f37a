// HtmlText: an HTML mail part as plain text (what is dropped, where lines break, lists, links,
// entities, white space) and malformed HTML read safely, as browsers read it (gumbo).
#include "core/integrations/mail/HtmlText.h"

#include <QTest>

using namespace tierdesk::mail;

class TestHtmlText : public QObject {
    Q_OBJECT

private slots:
    void converts_data();
    void converts();
    void survivesMalformedHtml_data();
    void survivesMalformedHtml();
    void largeMalformedInput();
};

void TestHtmlText::converts_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("Hello") << QStringLiteral("Hello");
    QTest::newRow("dropped elements") << QStringLiteral(
        "<html><head><title>T</title><style>p{color:red}</style></head><body><script>var a = '<p>';"
        "</script><noscript>enable</noscript><p>Text</p><!-- a <p>comment</p> --></body></html>")
                                      << QStringLiteral("Text");
    QTest::newRow("paragraphs and breaks") << QStringLiteral("<p>One<br>two<br/><br />three</p><p>Four</p>")
                                           << QStringLiteral("One\ntwo\n\nthree\n\nFour");
    QTest::newRow("divs") << QStringLiteral("<div>a</div><div>b</div><div><br></div><div>c</div>")
                          << QStringLiteral("a\nb\n\nc");
    QTest::newRow("headings") << QStringLiteral("<h1>Title</h1>Body") << QStringLiteral("Title\n\nBody");
    QTest::newRow("list") << QStringLiteral("Items:<ul><li>one</li><li>two</li></ul>After")
                          << QStringLiteral("Items:\n\n- one\n- two\n\nAfter");
    QTest::newRow("nested list") << QStringLiteral("<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>")
                                 << QStringLiteral("- a\n  - a1\n- b");
    QTest::newRow("ordered list") << QStringLiteral("<ol><li>first</li><li>second</li></ol>")
                                  << QStringLiteral("- first\n- second");
    QTest::newRow("link") << QStringLiteral("See <a href=\"https://shop.example/o/1\">your order</a>.")
                          << QStringLiteral("See your order (https://shop.example/o/1).");
    QTest::newRow("link that is its address")
        << QStringLiteral("<a href=\"https://www.shop.example/\">shop.example</a> or "
                          "<a href='mailto:help@shop.example'>Help@Shop.example</a>")
        << QStringLiteral("shop.example or Help@Shop.example");
    QTest::newRow("link entities") << QStringLiteral("<a href=\"https://x.example/?a=1&amp;b=2\">x</a>")
                                   << QStringLiteral("x (https://x.example/?a=1&b=2)");
    QTest::newRow("not a shown link") << QStringLiteral(
        "<a href=\"javascript:alert(1)\">click</a> <a href=\"#top\">top</a> <a href=\"cid:x\">i</a>")
                                      << QStringLiteral("click top i");
    QTest::newRow("image link without text")
        << QStringLiteral("<a href=\"https://t.example/\"><img src=\"x\"></a>ok") << QStringLiteral("ok");
    QTest::newRow("named entities") << QStringLiteral("caf&eacute; &amp; cr&egrave;me &ndash; 5&nbsp;&euro; &lt;b&gt;")
                                    << QStringLiteral("café & crème – 5 € <b>");
    QTest::newRow("numeric entities") << QStringLiteral("&#233;&#xE9;&#XE9; &#128; &#x1F600; &#39;")
                                      << QStringLiteral("ééé € 😀 '");
    QTest::newRow("unknown entities stay") << QStringLiteral("AT&T &unknown;") << QStringLiteral("AT&T &unknown;");
    // HTML's legacy references need no ';' in text (a browser shows "&amp 2024" as "& 2024"); in an
    // attribute they stay when a letter, digit or '=' follows, so query strings keep their names.
    QTest::newRow("legacy references without semicolon")
        << QStringLiteral("&amp &copy 2024 <a href=\"https://x.example/?a=1&copy=2&amp;b\">x</a>")
        << QStringLiteral("& © 2024 x (https://x.example/?a=1&copy=2&b)");
    QTest::newRow("invalid numeric") << QStringLiteral("a&#0;b&#xD800;c&#99999999;")
                                     << QString(QStringLiteral("a") + QChar(0xFFFD) + QStringLiteral("b")
                                            + QChar(0xFFFD) + QStringLiteral("c") + QChar(0xFFFD));
    QTest::newRow("white space") << QStringLiteral("  a \n\t b   <b> c </b>\r\n d  ") << QStringLiteral("a b c d");
    QTest::newRow("pre") << QStringLiteral("<p>x</p><pre>  a\n    b</pre>y") << QStringLiteral("x\n\n  a\n    b\n\ny");
    QTest::newRow("table") << QStringLiteral("<table><tr><td>Order</td><td>ORD-1</td></tr><tr><td>Total</td>"
                                             "<td>5 €</td></tr></table>")
                           << QStringLiteral("Order ORD-1\nTotal 5 €");
    // A help center's table of shortcuts, each cell a paragraph: a row is still one line.
    QTest::newRow("table of paragraphs") << QStringLiteral(
        "<p>Keys:</p><table><tr><td><p>Lock screen</p></td><td><p>Super+L</p></td></tr>"
        "<tr><td><div><p>Show the overview</p></div></td><td><p>Super+S</p></td></tr></table><p>End</p>")
                                         << QStringLiteral(
                                                "Keys:\n\nLock screen Super+L\nShow the overview Super+S\n\nEnd");
    QTest::newRow("invisible characters")
        << QStringLiteral("pre&zwnj;&nbsp;&zwnj;header&shy;s") << QStringLiteral("pre headers");
    QTest::newRow("upper case tags") << QStringLiteral("<P>A<BR>B</P><SCRIPT>x</SCRIPT>") << QStringLiteral("A\nB");
    QTest::newRow("hidden preheader") << QStringLiteral(
        "<div style=\"display: none; max-height: 0\">Your order shipped</div><span hidden>x</span><p>Hello</p>")
                                      << QStringLiteral("Hello");
    QTest::newRow("office xml island and svg")
        << QStringLiteral("<xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch>"
                          "</o:OfficeDocumentSettings></xml><p>Hi <svg><text>logo</text></svg>there</p>")
        << QStringLiteral("Hi there");
    QTest::newRow("empty list item leaves no bullet")
        << QStringLiteral("<ul><li></li></ul>After") << QStringLiteral("After");
}

void TestHtmlText::converts()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlText::toText(html), text);
}

void TestHtmlText::survivesMalformedHtml_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("less than as text") << QStringLiteral("1 < 2 and 3 <4") << QStringLiteral("1 < 2 and 3 <4");
    QTest::newRow("unclosed tag") << QStringLiteral("before <b class=\"x") << QStringLiteral("before");
    QTest::newRow("unclosed quote in tag") << QStringLiteral("<a href=\"x>text</a>") << QString();
    QTest::newRow("unclosed comment") << QStringLiteral("a<!-- b <p>c") << QStringLiteral("a");
    QTest::newRow("unclosed script") << QStringLiteral("a<script>b<p>c") << QStringLiteral("a");
    QTest::newRow("head without end") << QStringLiteral("<head>text<p>more") << QStringLiteral("text\n\nmore");
    QTest::newRow("head ended by body") << QStringLiteral("<head><title>t</title><body>visible")
                                        << QStringLiteral("visible");
    QTest::newRow("stray closing tags") << QStringLiteral("</p></ul></a>x</li>") << QStringLiteral("x");
    QTest::newRow("lone ampersands") << QStringLiteral("& &# &#x &#; &;") << QStringLiteral("& &# &#x &#; &;");
    QTest::newRow("doctype and xml") << QStringLiteral("<?xml version=\"1.0\"?><!DOCTYPE html>ok")
                                     << QStringLiteral("ok");
    QTest::newRow("nothing") << QString() << QString();
    QTest::newRow("only tags") << QStringLiteral("<br><p></p><div></div>") << QString();
}

void TestHtmlText::survivesMalformedHtml()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlText::toText(html), text);
}

void TestHtmlText::largeMalformedInput()
{
    // Patterns that make naive converters search the rest of the input at every tag; each must
    // still convert, and convert to what it holds.
    const int n = 50000;
    QCOMPARE(HtmlText::toText(QStringLiteral("<head>").repeated(n) + QStringLiteral("x")), QStringLiteral("x"));
    QCOMPARE(HtmlText::toText(QStringLiteral("x < ").repeated(n)).size(), 4 * n - 1);
    QCOMPARE(HtmlText::toText(QStringLiteral("<a href=x>y").repeated(n)).count(QStringLiteral("y")), n);
    QCOMPARE(HtmlText::toText(QStringLiteral("&#").repeated(n)), QStringLiteral("&#").repeated(n));
    // Beyond the parser's 50,000 tags, the start of the part is read.
    QCOMPARE(HtmlText::toText(QStringLiteral("<b>x</b>").repeated(60000)).count(QLatin1Char('x')), 50000);
    // Reopened formatting elements would build a tree thousands of times the part's size: the
    // parser stops at its memory budget and the part reads as no text.
    QString explosive = QStringLiteral("<div>");
    for (int i = 0; i < 500; ++i)
        explosive += QStringLiteral("<b id=%1>").arg(i);
    explosive += QStringLiteral("</div>") + QStringLiteral("<div>x</div>").repeated(20000);
    QCOMPARE(HtmlText::toText(explosive), QString());
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
