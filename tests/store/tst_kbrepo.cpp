#include "core/store/Store.h"
#include "tests/support/FakeClock.h"
#include "tests/support/TestPaths.h"
#include "tests/support/TestStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

namespace {
const QString kCompany = QStringLiteral("co"); // the demo company's articles are imported into it
}

class TestKbRepo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void importLoadsEveryArticleIntoItsCompanyOnly();
    void importIsIdempotentAndKeepsEdits();
    void sharedArticlesBecomeTheDemoCompanysOrGo();
    void rankingPutsTheRightCategoryFirst_data();
    void rankingPutsTheRightCategoryFirst();
    void ftsSyntaxNeverErrors_data();
    void ftsSyntaxNeverErrors();
    void stopWordsOnlyFindNothing();
    void companyArticlesStayWithTheirCompany();
    void upsertReplacesTheIndexedText();
    void searchesShareAnArticlesText();
    void parseMarkdown_data();
    void parseMarkdown();

private:
    QTemporaryDir m_dir;
    test::FakeClock m_clock;
    std::unique_ptr<Store> m_store;
    int m_imported = 0;
};

void TestKbRepo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("kb.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    m_store->batch().run([&] {
        return (m_imported = m_store->kb().importArticles(kCompany, QStringLiteral(":/demo/kb"), m_clock.nowMs())) > 0;
    });
    QVERIFY(m_store->batch().flush());
}

void TestKbRepo::init()
{
    // These tests must not log SQL errors: a failing FTS query only logs and returns nothing.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("query failed|prepare failed")));
}

void TestKbRepo::cleanupTestCase()
{
    m_store.reset();
}

void TestKbRepo::importLoadsEveryArticleIntoItsCompanyOnly()
{
    const QStringList files = QDir(test::sourceDir() + QStringLiteral("/resources/demo/kb"))
                                  .entryList({QStringLiteral("*.md")}, QDir::Files);
    QVERIFY(files.size() > 30);
    QCOMPARE(m_imported, files.size());
    QCOMPARE(m_store->kb().count(kCompany), files.size());
    // No other company sees them: a new company's knowledge starts empty.
    QCOMPARE(m_store->kb().count(QStringLiteral("any-company")), 0);
    QCOMPARE(m_store->kb().count(QString()), 0);
    QVERIFY(m_store->kb().search(QStringLiteral("any-company"), QStringLiteral("password reset"), 3).isEmpty());
}

void TestKbRepo::importIsIdempotentAndKeepsEdits()
{
    const int before = m_store->kb().count(kCompany);
    const QList<KbHit> hits = m_store->kb().search(kCompany, QStringLiteral("reset password"), 1);
    QVERIFY(!hits.isEmpty());
    KbArticle edited = hits.first().article;
    edited.body = QStringLiteral("Our own words on resetting a password.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().update(edited, m_clock.nowMs()); }));
    int added = -1;
    QVERIFY(m_store->batch().run([&] {
        return (added = m_store->kb().importArticles(kCompany, QStringLiteral(":/demo/kb"), m_clock.nowMs())) >= 0;
    }));
    QVERIFY(m_store->batch().flush());
    QCOMPARE(added, 0);
    QCOMPARE(m_store->kb().count(kCompany), before);
    QCOMPARE(m_store->kb().find(kCompany, edited.id)->body, edited.body);
}

// A database from before knowledge belonged to one company: its shared articles (company "")
// become the demo company's, except a slug it has already, and none is left shared.
void TestKbRepo::sharedArticlesBecomeTheDemoCompanysOrGo()
{
    auto opened = test::openTestStore(m_dir.filePath(QStringLiteral("shared.db")));
    QVERIFY(opened.ok());
    Store &store = *opened.value();
    KbArticle a;
    a.category = QStringLiteral("TECHNICAL");
    const auto put = [&](const QString &company, const QString &slug, const QString &body) {
        a.companyId = company;
        a.slug = slug;
        a.title = slug + QStringLiteral(" care");
        a.body = body;
        return store.batch().run([&] { return store.kb().upsert(a, m_clock.nowMs()); });
    };
    QVERIFY(put(QString(), QStringLiteral("lantern"), QStringLiteral("Shared lantern text.")));
    QVERIFY(put(QString(), QStringLiteral("stove"), QStringLiteral("Shared stove text.")));
    QVERIFY(put(QStringLiteral("demo"), QStringLiteral("stove"), QStringLiteral("The demo's own stove text.")));
    QVERIFY(put(QStringLiteral("other"), QStringLiteral("tent"), QStringLiteral("Another company's tent.")));
    QVERIFY(store.batch().run([&] { return store.kb().adoptShared(QStringLiteral("demo")); }));
    QVERIFY(store.batch().flush());
    QCOMPARE(store.kb().count(QString()), 0);
    QCOMPARE(store.kb().count(QStringLiteral("demo")), 2);
    QCOMPARE(store.kb().count(QStringLiteral("other")), 1);
    const auto stove = store.kb().search(QStringLiteral("demo"), QStringLiteral("stove"), 5);
    QCOMPARE(stove.size(), 1);
    QCOMPARE(stove.first().article.body, QStringLiteral("The demo's own stove text.")); // its own copy stays
    QCOMPARE(store.kb().search(QStringLiteral("demo"), QStringLiteral("lantern"), 5).size(), 1);

    // Without a demo company the shared articles go; the companies' own stay.
    QVERIFY(put(QString(), QStringLiteral("kettle"), QStringLiteral("Shared kettle text.")));
    QVERIFY(store.batch().run([&] { return store.kb().adoptShared(QString()); }));
    QVERIFY(store.batch().flush());
    QCOMPARE(store.kb().count(QString()), 0);
    QCOMPARE(store.kb().count(QStringLiteral("demo")), 2);
    QCOMPARE(store.kb().count(QStringLiteral("other")), 1);
}

void TestKbRepo::rankingPutsTheRightCategoryFirst_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category");
    QTest::newRow("tracking") << QStringLiteral("where is my package tracking") << QStringLiteral("SHIPPING");
    QTest::newRow("password") << QStringLiteral("I forgot my password and cannot reset it")
                              << QStringLiteral("ACCOUNT");
    QTest::newRow("refund timing") << QStringLiteral("how long does a refund take to arrive")
                                   << QStringLiteral("REFUND");
}

void TestKbRepo::rankingPutsTheRightCategoryFirst()
{
    QFETCH(QString, text);
    QFETCH(QString, category);
    const QList<KbHit> hits = m_store->kb().search(kCompany, text, 5);
    QVERIFY(!hits.isEmpty());
    QVERIFY2(hits.first().article.category == category,
        qPrintable(hits.first().article.slug + QStringLiteral(" / ") + hits.first().article.category));
    // bm25: lower is better, and results come best first: the article index's (at most 5), then
    // at most KbRepo::kFromPassages more found by their passages, best first too.
    int byIndex = 0;
    for (int i = 0; i < hits.size(); ++i) {
        byIndex += hits.at(i).byPassage ? 0 : 1;
        QVERIFY(i == 0 || hits.at(i - 1).byPassage <= hits.at(i).byPassage);
        if (i > 0 && hits.at(i - 1).byPassage == hits.at(i).byPassage)
            QVERIFY(hits.at(i - 1).score <= hits.at(i).score);
    }
    QVERIFY(byIndex <= 5);
    QVERIFY(hits.size() - byIndex <= KbRepo::kFromPassages);
}

void TestKbRepo::ftsSyntaxNeverErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expectHits");
    QTest::newRow("unbalanced quote") << QStringLiteral("\"refund") << true;
    QTest::newRow("quoted phrase") << QStringLiteral("\"where is my refund\"") << true;
    QTest::newRow("AND") << QStringLiteral("refund AND") << true;
    QTest::newRow("only AND") << QStringLiteral("AND") << true; // "and" is a stop word, but "AND" alone must not error
    QTest::newRow("OR NOT") << QStringLiteral("OR NOT shipping") << true;
    QTest::newRow("NEAR") << QStringLiteral("NEAR(refund order, 3)") << true;
    QTest::newRow("star") << QStringLiteral("refund* *") << true;
    QTest::newRow("parentheses") << QStringLiteral("((password") << true;
    QTest::newRow("minus") << QStringLiteral("-refund --shipping") << true;
    QTest::newRow("column filter") << QStringLiteral("title:refund body:") << true;
    QTest::newRow("caret and plus") << QStringLiteral("^refund + shipping") << true;
    QTest::newRow("braces") << QStringLiteral("{title body}: refund") << true;
    QTest::newRow("sql quote") << QStringLiteral("refund'); DROP TABLE kb_articles; --") << true;
    QTest::newRow("only punctuation") << QStringLiteral("\"*()-:^") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("unicode") << QStringLiteral("r\u00e9sum\u00e9 \u8ba2\u5355 \U0001F600 refund") << true;
}

void TestKbRepo::ftsSyntaxNeverErrors()
{
    QFETCH(QString, text);
    QFETCH(bool, expectHits);
    const QList<KbHit> hits = m_store->kb().search(kCompany, text, 3);
    if (expectHits && text != QLatin1String("AND"))
        QVERIFY2(!hits.isEmpty(), qPrintable(text));
    if (!expectHits)
        QVERIFY(hits.isEmpty());
    // The table is intact afterwards.
    QCOMPARE(m_store->kb().count(kCompany), m_imported);
}

void TestKbRepo::stopWordsOnlyFindNothing()
{
    QVERIFY(m_store->kb().search(kCompany, QStringLiteral("how do I do it"), 3).isEmpty());
}

void TestKbRepo::companyArticlesStayWithTheirCompany()
{
    KbArticle a;
    a.companyId = QStringLiteral("company-a");
    a.slug = QStringLiteral("zephyr-lantern");
    a.title = QStringLiteral("Zephyrlantern charging");
    a.category = QStringLiteral("TECHNICAL");
    a.keywords = QStringLiteral("zephyrlantern, lantern");
    a.body = QStringLiteral("Charge the Zephyrlantern with the USB-C cable for two hours.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().upsert(a, m_clock.nowMs()); }));
    QVERIFY(m_store->batch().flush());

    const auto mine = m_store->kb().search(QStringLiteral("company-a"), QStringLiteral("zephyrlantern"), 5);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().article.slug, QStringLiteral("zephyr-lantern"));
    QCOMPARE(mine.first().article.companyId, QStringLiteral("company-a"));
    QVERIFY(m_store->kb().search(QStringLiteral("company-b"), QStringLiteral("zephyrlantern"), 5).isEmpty());
    QVERIFY(m_store->kb().search(QString(), QStringLiteral("zephyrlantern"), 5).isEmpty());
    QCOMPARE(m_store->kb().count(QStringLiteral("company-a")), 1);
    QCOMPARE(m_store->kb().count(QStringLiteral("company-b")), 0);
    // Another company's articles are not company A's.
    QVERIFY(m_store->kb().search(QStringLiteral("company-a"), QStringLiteral("password reset"), 3).isEmpty());

    // The same slug in another company is a different article.
    KbArticle b = a;
    b.companyId = QStringLiteral("company-b");
    b.body = QStringLiteral("Company B's zephyrlantern has a hand crank.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().upsert(b, m_clock.nowMs()); }));
    QVERIFY(m_store->batch().flush());
    const auto theirs = m_store->kb().search(QStringLiteral("company-b"), QStringLiteral("zephyrlantern"), 5);
    QCOMPARE(theirs.size(), 1);
    QVERIFY(theirs.first().article.body.contains(QLatin1String("crank")));
    QCOMPARE(m_store->kb().search(QStringLiteral("company-a"), QStringLiteral("zephyrlantern"), 5).size(), 1);
}

void TestKbRepo::upsertReplacesTheIndexedText()
{
    KbArticle a;
    a.companyId = QStringLiteral("company-c");
    a.slug = QStringLiteral("gizmo");
    a.title = QStringLiteral("Quuxgizmo setup");
    a.category = QStringLiteral("TECHNICAL");
    a.body = QStringLiteral("Pair the quuxgizmo over bluetooth.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().upsert(a, m_clock.nowMs()); }));
    a.title = QStringLiteral("Frobwidget setup");
    a.body = QStringLiteral("Pair the frobwidget over wifi.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().upsert(a, m_clock.nowMs()); }));
    QVERIFY(m_store->batch().flush());
    QVERIFY(m_store->kb().search(QStringLiteral("company-c"), QStringLiteral("quuxgizmo"), 5).isEmpty());
    QCOMPARE(m_store->kb().search(QStringLiteral("company-c"), QStringLiteral("frobwidget"), 5).size(), 1);
    QCOMPARE(m_store->kb().count(QStringLiteral("company-c")), 1);
}

// The reply's passage caches know an article they have cut by its text's address: one
// article found by two searches is one copy of its text, and a changed article a new one.
void TestKbRepo::searchesShareAnArticlesText()
{
    KbArticle a;
    a.companyId = QStringLiteral("company-d");
    a.slug = QStringLiteral("snorkel");
    a.title = QStringLiteral("Snorkelmask fitting");
    a.category = QStringLiteral("TECHNICAL");
    a.keywords = QStringLiteral("snorkelmask, strap");
    a.body = QStringLiteral("Tighten the snorkelmask strap until the seal holds.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().upsert(a, m_clock.nowMs()); }));
    QVERIFY(m_store->batch().flush());
    const auto byName = m_store->kb().search(QStringLiteral("company-d"), QStringLiteral("snorkelmask"), 5);
    const auto byStrap = m_store->kb().search(QStringLiteral("company-d"), QStringLiteral("snorkelmask strap"), 5);
    QCOMPARE(byName.size(), 1);
    QCOMPARE(byStrap.size(), 1);
    QCOMPARE(byStrap.first().article.body, a.body);
    QCOMPARE(byStrap.first().article.body.constData(), byName.first().article.body.constData());

    a.body = QStringLiteral("Tighten the snorkelmask strap, then press the mask to your face.");
    QVERIFY(m_store->batch().run([&] { return m_store->kb().upsert(a, m_clock.nowMs()); }));
    QVERIFY(m_store->batch().flush());
    QCOMPARE(m_store->kb().search(QStringLiteral("company-d"), QStringLiteral("snorkelmask"), 5).first().article.body,
        a.body);
}

void TestKbRepo::parseMarkdown_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QString good
        = QStringLiteral("---\ntitle: Track your order\ncategory: SHIPPING\nkeywords: track, parcel\n---\n"
                         "Use the tracking link in your e-mail.\n");
    QTest::newRow("good") << good << true;
    QTest::newRow("crlf") << QString(good).replace(QLatin1String("\n"), QLatin1String("\r\n")) << true;
    QTest::newRow("no keywords") << QStringLiteral("---\ntitle: T\ncategory: BILLING\n---\nBody.") << true;
    QTest::newRow("no front matter") << QStringLiteral("# Track your order\n\nUse the tracking link.") << false;
    QTest::newRow("front matter not first")
        << QStringLiteral("\n---\ntitle: T\ncategory: BILLING\n---\nBody.") << false;
    QTest::newRow("unterminated") << QStringLiteral("---\ntitle: T\ncategory: BILLING\nBody.") << false;
    QTest::newRow("bad category") << QStringLiteral("---\ntitle: T\ncategory: SHOES\n---\nBody.") << false;
    QTest::newRow("lower-case category") << QStringLiteral("---\ntitle: T\ncategory: billing\n---\nBody.") << false;
    QTest::newRow("no category") << QStringLiteral("---\ntitle: T\n---\nBody.") << false;
    QTest::newRow("no title") << QStringLiteral("---\ncategory: BILLING\n---\nBody.") << false;
    QTest::newRow("empty body") << QStringLiteral("---\ntitle: T\ncategory: BILLING\n---\n   \n") << false;
}

void TestKbRepo::parseMarkdown()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto a = KbRepo::parseMarkdown(QStringLiteral("slug"), text);
    QCOMPARE(a.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(a->slug, QStringLiteral("slug"));
    QVERIFY(!a->title.isEmpty());
    QVERIFY(parse<IssueCategory>(a->category).has_value());
    QVERIFY(!a->body.isEmpty());
    QVERIFY(!a->body.contains(QLatin1String("---")));
    QVERIFY(!a->body.contains(QLatin1String("category:")));
    if (qstrcmp(QTest::currentDataTag(), "good") == 0) {
        QCOMPARE(a->title, QStringLiteral("Track your order"));
        QCOMPARE(a->category, QStringLiteral("SHIPPING"));
        QCOMPARE(a->keywords, QStringLiteral("track, parcel"));
        QCOMPARE(a->body, QStringLiteral("Use the tracking link in your e-mail."));
    }
}

QTEST_GUILESS_MAIN(TestKbRepo)
#include "tst_kbrepo.moc"
