// GumboTree: gumbo's HTML5 tree within limits (size, tags, memory), walked without recursion; a
// deeply nested malformed document parsed, walked and freed on a thread with a small stack.
#include "core/integrations/web/GumboTree.h"
#include "core/integrations/web/HtmlTextWriter.h"

#include <QTest>
#include <QThread>

using namespace tierdesk;
using namespace tierdesk::web;

class TestGumboTree : public QObject {
    Q_OBJECT

private slots:
    void impliedElements();
    void tagNames();
    void walkOrder();
    void prefixWithin_data();
    void prefixWithin();
    void limits();
    void deepNestingOnASmallStack();
};

void TestGumboTree::impliedElements()
{
    auto tree = GumboTree::parse("text only");
    QVERIFY(tree);
    QVERIFY(GumboTree::isElement(tree->html(), GUMBO_TAG_HTML));
    QVERIFY(GumboTree::isElement(tree->head(), GUMBO_TAG_HEAD));
    QVERIFY(GumboTree::isElement(tree->body(), GUMBO_TAG_BODY));
    QCOMPARE(HtmlTextWriter::text(tree->body(), {}), QStringLiteral("text only"));
}

void TestGumboTree::tagNames()
{
    auto tree = GumboTree::parse("<body><DIV>a</DIV><My-Widget data-x=1>b</My-Widget><xml/>");
    QVERIFY(tree);
    const GumboNode *div = GumboTree::firstChild(tree->body());
    QCOMPARE(GumboTree::tagName(div), QByteArray("div"));
    const GumboNode *widget = GumboTree::nextSibling(div);
    QCOMPARE(GumboTree::tagName(widget), QByteArray("my-widget"));
    QCOMPARE(GumboTree::attribute(widget, "data-x"), QStringLiteral("1"));
    QVERIFY(GumboTree::attribute(widget, "missing").isNull());
    QCOMPARE(GumboTree::tagName(GumboTree::nextSibling(widget)), QByteArray("xml"));
}

void TestGumboTree::walkOrder()
{
    auto tree = GumboTree::parse("<body><p>a<b>b</b></p><ul><li>c</li></ul><p>skipped</p>");
    QVERIFY(tree);
    QStringList events;
    GumboTree::walk(
        tree->body(),
        [&](const GumboNode *node) {
            if (node->type == GUMBO_NODE_TEXT) {
                events << QString::fromUtf8(node->v.text.text);
                return false;
            }
            const QString name = QString::fromLatin1(GumboTree::tagName(node));
            events << QLatin1Char('<') + name;
            return name != QLatin1String("p") || events.size() < 3; // the second <p> is not entered
        },
        [&](const GumboNode *node) { events << QString::fromLatin1(GumboTree::tagName(node)) + QLatin1Char('>'); });
    QCOMPARE(events.join(QLatin1Char(' ')), QStringLiteral("<body <p a <b b b> p> <ul <li c li> ul> <p body>"));
}

void TestGumboTree::prefixWithin_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<int>("maxTags");
    QTest::addColumn<int>("prefix");
    QTest::newRow("within") << QByteArray("<p>a</p><p>b</p>") << 100 << 2 << 16;
    QTest::newRow("cut before the tag over the count") << QByteArray("<p>a</p><p>b</p>") << 100 << 1 << 8;
    QTest::newRow("end tags and text are no start tags") << QByteArray("a < b </p> <3") << 100 << 0 << 13;
    QTest::newRow("cut at the size") << QByteArray("abcdef") << 4 << 10 << 4;
    QTest::newRow("never inside a character") << QByteArray("ab\xC3\xA9") << 3 << 10 << 2;
}

void TestGumboTree::prefixWithin()
{
    QFETCH(QByteArray, html);
    QFETCH(int, maxBytes);
    QFETCH(int, maxTags);
    QFETCH(int, prefix);
    GumboTree::Limits limits;
    limits.maxBytes = maxBytes;
    limits.maxStartTags = maxTags;
    QCOMPARE(GumboTree::prefixWithin(html, limits), qsizetype(prefix));
}

void TestGumboTree::limits()
{
    GumboTree::Limits limits;
    limits.maxBytes = 10;
    QCOMPARE(GumboTree::parse("<p>0123456789</p>", limits).error().kind, ErrorKind::LimitExceeded);
    limits = {};
    limits.maxStartTags = 2;
    QVERIFY(GumboTree::parse("<p><b>x", limits));
    QCOMPARE(GumboTree::parse("<p><b><i>x", limits).error().kind, ErrorKind::LimitExceeded);
    limits = {};
    limits.maxMemoryBytes = 64 * 1024;
    QVERIFY(GumboTree::parse("<p>small</p>", limits));
    const auto large = GumboTree::parse(QByteArray("<p>paragraph</p>").repeated(2000), limits);
    QVERIFY(!large);
    QCOMPARE(large.error().kind, ErrorKind::LimitExceeded);
    QVERIFY(large.error().message.contains(QLatin1String("memory")));
}

void TestGumboTree::deepNestingOnASmallStack()
{
    // 20,000 levels of unclosed and mis-nested tags, stray end tags and a table in the middle: a
    // recursive walk (or gumbo's own recursive gumbo_destroy_output) needs far more than the
    // thread's 256 KiB of stack.
    const int depth = 20000;
    QByteArray html = "<!DOCTYPE html><body>";
    for (int i = 0; i < depth; ++i)
        html += i % 1000 == 500 ? "<table><td>cell</span>" : (i % 2 ? "<span>" : "<div></p>");
    html += "deep text";
    QString text;
    bool parsed = false;
    QThread *thread = QThread::create([&] {
        auto tree = GumboTree::parse(html);
        parsed = tree.ok();
        if (parsed)
            text = HtmlTextWriter::text(tree->body(), {});
    });
    thread->setStackSize(256 * 1024);
    thread->start();
    QVERIFY(thread->wait());
    delete thread;
    QVERIFY(parsed);
    QVERIFY(text.endsWith(QLatin1String("deep text")));
    QCOMPARE(text.count(QLatin1String("cell")), depth / 1000);
}

QTEST_GUILESS_MAIN(TestGumboTree)
#include "tst_gumbotree.moc"
