// The Knowledge view's company knowledge against a real embedded server and a scripted help
// center on loopback (tests/support/helpcenter): an admin adds the website, sees the progress bar
// move while a page is held and the status become done with the page that failed, the polling
// stop, the imported article's origin and "edited" once changed, the passages the AI reads, a
// sync again and the removal with its articles; a refused address is named under its field, and a
// sync of a site that is not there ends failed with its error shown.
// Files dropped on the view (Markdown, text) become articles and an .exe is listed with its
// reason; agents see neither the Sources tab nor the file upload. KbSourcesModel passes
// QAbstractItemModelTester.
// With TIERDESK_KB_SCREENSHOTS=DIR (under xvfb-run, QT_QPA_PLATFORM unset) it also writes
// knowledge-sources.png and knowledge-sources-de.png into DIR.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/KbSourceDialog.h"
#include "ui/models/KbModel.h"
#include "ui/models/KbSourcesModel.h"
#include "ui/views/KnowledgeSources.h"
#include "ui/views/KnowledgeView.h"
#include "ui/views/PassagesBox.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return f.fileName();
}

// Drops `paths` on `target` as a file manager would; true when the drag was accepted.
bool drop(QWidget &target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at = target.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &dropped);
    return true;
}

QString statusOf(KnowledgeSources &sources, int row = 0)
{
    return sources.model().source(row).value(QLatin1String("status")).toString();
}

} // namespace

class TestKnowledgeSources : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sourcesModelPassesTheTester();
    void hiddenFromAgents();
    void aWebsiteIsAddedSyncedAndRemoved();
    void aRefusedAddressIsNamedAtItsField();
    void aFailedSyncShowsItsError();
    void zendeskSignsInWithTheTokenAndEmail();
    void droppedFilesBecomeArticles();
    void screenshots();

private:
    bool signIn(ApiClient &client, const QString &email = QStringLiteral("ada@example.com"));
    // An admin's view on its Sources tab, the website added and synced (done).
    qint64 addWebsite(KnowledgeView &view);

    ServerFixture m_server;
    std::unique_ptr<ConnectorServer> m_site;
    std::unique_ptr<HttpClient> m_http;
};

void TestKnowledgeSources::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, name, role] :
        {std::tuple{"ada@example.com", "Ada Admin", "admin"}, std::tuple{"al@example.com", "Al Agent", "agent"}}) {
        NewAgent a{m_server.companyId(), QLatin1String(email), QLatin1String(name), QLatin1String(role), {}};
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    }
    QVERIFY(m_server.runtime().store().batch().flush());
    m_http = m_server.client(api::Role::Admin);
    m_site = std::make_unique<ConnectorServer>(
        ConnectorServer::Script{QStringLiteral("helpcenter/help_center_server.py")});
    QVERIFY2(m_site->isRunning(), qPrintable(m_site->error()));
}

void TestKnowledgeSources::cleanupTestCase()
{
    m_http.reset();
    m_server.stop();
    m_site.reset();
}

bool TestKnowledgeSources::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

void TestKnowledgeSources::sourcesModelPassesTheTester()
{
    KbSourcesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSources(QJsonArray{
        QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("kind"), QStringLiteral("website")},
            {QStringLiteral("url"), QStringLiteral("https://help.example/sitemap.xml")},
            {QStringLiteral("status"), QStringLiteral("running")}, {QStringLiteral("syncHours"), 24},
            {QStringLiteral("progress"), QJsonObject{{QStringLiteral("found"), 7}, {QStringLiteral("fetched"), 3}}}},
        QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("kind"), QStringLiteral("zendesk")},
            {QStringLiteral("url"), QStringLiteral("https://acme.zendesk.com")},
            {QStringLiteral("status"), QStringLiteral("done")}, {QStringLiteral("syncHours"), 0},
            {QStringLiteral("imported"), 4},
            {QStringLiteral("lastSyncAt"), QStringLiteral("2026-11-27T10:00:00.000Z")}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, KbSourcesModel::Kind).data().toString(), QStringLiteral("Website"));
    QCOMPARE(model.index(0, KbSourcesModel::Status).data().toString(), QStringLiteral("Running: 3 of 7 pages"));
    QCOMPARE(model.index(1, KbSourcesModel::Kind).data().toString(), QStringLiteral("Zendesk Help Center"));
    QCOMPARE(model.index(1, KbSourcesModel::NextSync).data().toString(), QStringLiteral("when asked"));
    QCOMPARE(model.index(1, KbSourcesModel::Imported).data().toInt(), 4);
    QVERIFY(!model.index(1, KbSourcesModel::LastSync).data().toString().isEmpty());
    model.updateSource(QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("kind"), QStringLiteral("website")},
        {QStringLiteral("status"), QStringLiteral("done")}, {QStringLiteral("imported"), 6}});
    QCOMPARE(model.index(0, KbSourcesModel::Status).data().toString(), QStringLiteral("Done"));
    QCOMPARE(model.data(model.index(0, 0), KbSourcesModel::IdRole).toLongLong(), qint64(1));
    QCOMPARE(model.rowOf(2), 1);
}

void TestKnowledgeSources::hiddenFromAgents()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("agent.md"), "# Not mine to add\n\nText.\n");
    ApiClient agent;
    QVERIFY(signIn(agent, QStringLiteral("al@example.com")));
    KnowledgeView view(agent);
    view.show();
    QVERIFY(!view.tabs()->isTabVisible(view.tabs()->indexOf(view.sources())));
    QVERIFY(!child<QPushButton>(view, "kbAddFiles")->isVisible());
    QVERIFY(!view.acceptDrops());
    QVERIFY(!drop(view, {file}));
    QVERIFY(view.passages()->isVisible()); // what the AI reads is for every role

    ApiClient admin;
    QVERIFY(signIn(admin));
    KnowledgeView adminView(admin);
    adminView.show();
    QVERIFY(adminView.tabs()->isTabVisible(adminView.tabs()->indexOf(adminView.sources())));
    QVERIFY(child<QPushButton>(adminView, "kbAddFiles")->isVisible());
    QVERIFY(adminView.acceptDrops());
}

qint64 TestKnowledgeSources::addWebsite(KnowledgeView &view)
{
    KnowledgeSources &sources = *view.sources();
    view.tabs()->setCurrentWidget(&sources);
    child<QPushButton>(sources, "kbAddWebsite")->click();
    KbSourceDialog *dialog = sources.dialog();
    if (!dialog)
        return 0;
    child<QLineEdit>(*dialog, "kbSourceUrl")->setText(m_site->url(QStringLiteral("/sitemap.xml")));
    dialog->save();
    if (!QTest::qWaitFor([&] { return sources.model().rowCount() == 1; }, 10000))
        return 0;
    return sources.model().source(0).value(QLatin1String("id")).toInteger();
}

void TestKnowledgeSources::aWebsiteIsAddedSyncedAndRemoved()
{
    ApiClient client;
    QVERIFY(signIn(client));
    KnowledgeView view(client);
    view.resize(1280, 800);
    view.show();
    KnowledgeSources &sources = *view.sources();
    auto *progress = child<QProgressBar>(sources, "kbSourceProgress");
    QSignalSpy moved(progress, &QProgressBar::valueChanged);

    // One page waits until the test has seen the sync run.
    QVERIFY(m_site->command("hold /help/held").value(QLatin1String("ok")).toBool());
    const qint64 id = addWebsite(view);
    QVERIFY(id > 0);
    QCOMPARE(sources.currentId(), id);
    QVERIFY(sources.isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(sources) == QLatin1String("running") && progress->value() >= 6, 30000);
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->maximum(), 7); // listed and within robots.txt's rules
    // It moved as the polls (one a second) read the pages fetched so far.
    QVERIFY(!moved.isEmpty());
    QCOMPARE(moved.last().at(0).toInt(), progress->value());
    QVERIFY(child<QLabel>(sources, "kbSourceFigures")->text().startsWith(QLatin1String("Running")));
    QVERIFY(!child<QPushButton>(sources, "kbSyncNow")->isEnabled());

    QVERIFY(m_site->command("release").value(QLatin1String("ok")).toBool());
    QSignalSpy articlesChanged(&sources, &KnowledgeSources::articlesChanged);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sources), QStringLiteral("done"), 30000);
    QVERIFY(!sources.isPolling());
    QVERIFY(!progress->isVisible());
    QCOMPARE(articlesChanged.count(), 1);
    const QJsonObject done = sources.model().source(0);
    QCOMPARE(sources.model().index(0, KbSourcesModel::Imported).data().toInt(),
        done.value(QLatin1String("imported")).toInt());
    QVERIFY(done.value(QLatin1String("imported")).toInt() >= 5);
    QVERIFY2(child<QLabel>(sources, "kbSourceFigures")->text().contains(QLatin1String("imported")),
        qPrintable(child<QLabel>(sources, "kbSourceFigures")->text()));
    // The page answering 503, with its reason.
    auto *failed = child<QTreeWidget>(sources, "kbSourceFailed");
    QVERIFY(failed->isVisible());
    QCOMPARE(failed->topLevelItemCount(), 1);
    QVERIFY(failed->topLevelItem(0)->text(0).endsWith(QLatin1String("/help/flaky")));
    QVERIFY(!failed->topLevelItem(0)->text(1).isEmpty());
    QVERIFY(child<QLabel>(sources, "kbSourceLastError")->isHidden());

    // The article list read again: the imported page says where it came from.
    view.tabs()->setCurrentIndex(0);
    KbModel &articles = view.model();
    int row = -1;
    QTRY_VERIFY((row = [&] {
        for (int r = 0; r < articles.rowCount(); ++r)
            if (articles.article(r).value(QLatin1String("title")).toString() == QLatin1String("Returning an item"))
                return r;
        return -1;
    }()) >= 0);
    QCOMPARE(articles.index(row, KbModel::Source).data().toString(), QStringLiteral("Website"));
    child<QTableView>(view, "kbTable")->selectRow(row);
    auto *origin = child<QLabel>(view, "kbSource");
    QTRY_VERIFY(origin->text().contains(m_site->url(QStringLiteral("/help/returns"))));
    QVERIFY(origin->text().contains(QLatin1String("Imported from Website")));
    QVERIFY(!origin->text().contains(QLatin1String("Edited")));
    // A person's change: the article says so, and syncs leave it alone.
    auto *content = child<QPlainTextEdit>(view, "kbContent");
    content->setPlainText(content->toPlainText() + QStringLiteral(" Shoes too."));
    child<QPushButton>(view, "kbSave")->click();
    QTRY_VERIFY(origin->text().contains(QLatin1String("Edited since by a person")));
    QTRY_COMPARE(articles.index(articles.rowOf(view.currentId()), KbModel::Source).data().toString(),
        QStringLiteral("Website, edited"));

    // What the AI reads for a customer's question: the page's passage, with its address.
    PassagesBox &passages = *view.passages();
    QSignalSpy answered(&passages, &PassagesBox::answered);
    child<QLineEdit>(passages, "kbQuestion")->setText(QStringLiteral("does the Acme frame warranty cover workmanship"));
    child<QPushButton>(passages, "kbAsk")->click();
    QVERIFY(answered.wait());
    QVERIFY(!passages.passages().isEmpty());
    const QJsonObject best = passages.passages().first().toObject();
    QCOMPARE(best.value(QLatin1String("title")).toString(), QStringLiteral("Frame warranty"));
    QCOMPARE(best.value(QLatin1String("url")).toString(), m_site->url(QStringLiteral("/help/warranty")));
    const QString shown = child<QTextBrowser>(passages, "kbPassages")->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("Frame warranty")) && shown.contains(QLatin1String("lifetime warranty"))
            && shown.contains(m_site->url(QStringLiteral("/help/warranty"))) && shown.contains(QLatin1String("score")),
        qPrintable(shown));

    // Sync now: polled again until done.
    view.tabs()->setCurrentWidget(&sources);
    child<QPushButton>(sources, "kbSyncNow")->click();
    QTRY_VERIFY(sources.isPolling());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sources), QStringLiteral("done"), 30000);
    QTRY_VERIFY(!sources.isPolling());

    // Remove asks first (a second click within 4 s); then the source and its articles are gone.
    const QString sourcePath = QStringLiteral("/api/cs/kb/sources/%1?companyId=%2").arg(id).arg(m_server.companyId());
    QCOMPARE(m_http->get(sourcePath).status, 200);
    auto *remove = child<QPushButton>(sources, "kbRemoveSource");
    QSignalSpy removed(&sources, &KnowledgeSources::articlesChanged);
    remove->click();
    QVERIFY(remove->text().contains(QLatin1String("articles go too")));
    QVERIFY(removed.isEmpty());
    remove->click();
    QVERIFY(removed.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(sources.model().rowCount(), 0, 20000);
    QCOMPARE(m_http->get(sourcePath).status, 404);
    const HttpResult left
        = m_http->get(QStringLiteral("/api/cs/kb?companyId=%1&q=returning&limit=100").arg(m_server.companyId()));
    for (const QJsonValue &v : left.json().value(QLatin1String("articles")).toArray())
        QVERIFY(v.toObject().value(QLatin1String("source")).toObject().value(QLatin1String("kind")).toString()
            != QLatin1String("website"));
}

void TestKnowledgeSources::aRefusedAddressIsNamedAtItsField()
{
    const QString sourcesPath = QStringLiteral("/api/cs/kb/sources?companyId=%1").arg(m_server.companyId());
    const auto sourcesNow = [&] { return m_http->get(sourcesPath).json().value(QLatin1String("sources")).toArray(); };
    const QJsonArray before = sourcesNow();
    ApiClient client;
    QVERIFY(signIn(client));
    KnowledgeView view(client);
    view.show();
    view.tabs()->setCurrentWidget(view.sources());
    child<QPushButton>(*view.sources(), "kbAddWebsite")->click();
    QPointer<KbSourceDialog> dialog = view.sources()->dialog();
    QVERIFY(dialog);
    child<QLineEdit>(*dialog, "kbSourceUrl")->setText(QStringLiteral("ftp://help.example.com/"));
    dialog->save();
    QTRY_VERIFY(!dialog->errorOf(QStringLiteral("url")).isEmpty());
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>(*dialog, "error_url")->isVisible());

    child<QLineEdit>(*dialog, "kbSourceUrl")->setText(m_site->url(QStringLiteral("/help/")));
    child<QPlainTextEdit>(*dialog, "kbSourceInclude")->setPlainText(QStringLiteral("help\n"));
    dialog->save();
    QTRY_VERIFY(!dialog->errorOf(QStringLiteral("include")).isEmpty());
    QVERIFY(dialog->errorOf(QStringLiteral("url")).isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(sourcesNow(), before); // nothing was added
}

void TestKnowledgeSources::aFailedSyncShowsItsError()
{
    // A help center that is not there: nothing listens on the port the scripted site had.
    quint16 gone = 0;
    {
        ConnectorServer site(ConnectorServer::Script{QStringLiteral("helpcenter/help_center_server.py")});
        QVERIFY2(site.isRunning(), qPrintable(site.error()));
        gone = site.port();
    }
    ApiClient client;
    QVERIFY(signIn(client));
    KnowledgeView view(client);
    view.show();
    KnowledgeSources &sources = *view.sources();
    view.tabs()->setCurrentWidget(&sources);
    child<QPushButton>(sources, "kbAddWebsite")->click();
    QVERIFY(sources.dialog());
    child<QLineEdit>(*sources.dialog(), "kbSourceUrl")
        ->setText(QStringLiteral("http://127.0.0.1:%1/sitemap.xml").arg(gone));
    sources.dialog()->save();
    QTRY_VERIFY(sources.currentId() > 0 && sources.model().rowCount() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sources), QStringLiteral("failed"), 30000);
    QVERIFY(!sources.isPolling());
    auto *lastError = child<QLabel>(sources, "kbSourceLastError");
    QTRY_VERIFY(lastError->isVisible());
    QVERIFY2(lastError->text().startsWith(QLatin1String("The last sync failed: ")), qPrintable(lastError->text()));
    QCOMPARE(sources.model().index(0, KbSourcesModel::Status).data().toString(), QStringLiteral("Failed"));
    auto *remove = child<QPushButton>(sources, "kbRemoveSource");
    remove->click();
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(sources.model().rowCount(), 0, 20000);
}

void TestKnowledgeSources::zendeskSignsInWithTheTokenAndEmail()
{
    ApiClient client;
    QVERIFY(signIn(client));
    KbSourceDialog dialog(client, QStringLiteral("zendesk"));
    QVERIFY(!dialog.findChild<QPlainTextEdit *>(QStringLiteral("kbSourceInclude")));
    child<QLineEdit>(dialog, "kbSourceUrl")->setText(QStringLiteral("https://acme.zendesk.com"));
    child<QLineEdit>(dialog, "kbSourceLocale")->setText(QStringLiteral("de"));
    child<QSpinBox>(dialog, "kbSourceSyncHours")->setValue(0);
    QJsonObject body = dialog.body();
    QCOMPARE(body.value(QLatin1String("kind")).toString(), QStringLiteral("zendesk"));
    QCOMPARE(body.value(QLatin1String("locale")).toString(), QStringLiteral("de"));
    QCOMPARE(body.value(QLatin1String("syncHours")).toInt(), 0);
    QVERIFY(!body.contains(QLatin1String("auth"))); // a public Help Center
    child<QLineEdit>(dialog, "kbSourceToken")->setText(QStringLiteral("zd-token"));
    child<QLineEdit>(dialog, "kbSourceEmail")->setText(QStringLiteral("ada@acme.example"));
    body = dialog.body();
    QCOMPARE(body.value(QLatin1String("auth")).toObject(),
        (QJsonObject{{QStringLiteral("type"), QStringLiteral("basic")},
            {QStringLiteral("username"), QStringLiteral("ada@acme.example/token")},
            {QStringLiteral("token"), QStringLiteral("zd-token")}}));
    child<QLineEdit>(dialog, "kbSourceEmail")->clear();
    QCOMPARE(dialog.body().value(QLatin1String("auth")).toObject().value(QLatin1String("type")).toString(),
        QStringLiteral("bearer"));
}

void TestKnowledgeSources::droppedFilesBecomeArticles()
{
    QTemporaryDir dir;
    const QString markdown = writeFile(dir, QStringLiteral("lantern-care.md"),
        "---\ntitle: Caring for your lantern\ncategory: PRODUCT_QUALITY\nkeywords: lantern, battery\n---\n"
        "Charge the lantern fully before storing it for the winter.\n");
    const QString text = writeFile(
        dir, QStringLiteral("store-hours.txt"), "Store hours\n\nOur Leeds store opens at 9am on Sundays.\n");
    const QString exe = writeFile(dir, QStringLiteral("setup.exe"), QByteArray("MZ\x90\x00\x03\x00", 6));
    QVERIFY(!markdown.isEmpty() && !text.isEmpty() && !exe.isEmpty());

    ApiClient client;
    QVERIFY(signIn(client));
    KnowledgeView view(client);
    view.resize(1280, 800);
    view.show();
    QSignalSpy uploaded(&view, &KnowledgeView::filesUploaded);
    QVERIFY(drop(view, {markdown, text, exe}));
    QVERIFY(uploaded.wait(20000));
    auto *result = child<QLabel>(view, "kbFilesResult");
    QVERIFY(result->isVisible());
    const QString shown = result->text();
    QVERIFY2(
        shown.contains(QLatin1String("2 articles made")) && shown.contains(QLatin1String("Caring for your lantern")),
        qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("setup.exe: ")), qPrintable(shown));
    // The list reads again: the files' articles say they came from a file.
    QTRY_VERIFY([&] {
        for (int r = 0; r < view.model().rowCount(); ++r)
            if (view.model().article(r).value(QLatin1String("title")).toString()
                == QLatin1String("Caring for your lantern"))
                return view.model().index(r, KbModel::Source).data().toString() == QLatin1String("File");
        return false;
    }());

    // Nothing readable: the server's 400 still lists the file and why.
    uploaded.clear();
    QVERIFY(drop(view, {exe}));
    QVERIFY(uploaded.wait(20000));
    QVERIFY2(result->text().contains(QLatin1String("No article was made"))
            && result->text().contains(QLatin1String("setup.exe: ")),
        qPrintable(result->text()));
    // A folder never leaves this machine.
    uploaded.clear();
    QVERIFY(drop(view, {dir.path()}));
    QVERIFY(uploaded.count() == 1 || uploaded.wait());
    QVERIFY(result->text().contains(QLatin1String("a folder")));
}

void TestKnowledgeSources::screenshots()
{
    const QString out = qEnvironmentVariable("TIERDESK_KB_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("TIERDESK_KB_SCREENSHOTS is not set");
    QDir().mkpath(out);
    ApiClient setup;
    QVERIFY(signIn(setup));
    {
        KnowledgeView view(setup);
        QVERIFY(addWebsite(view) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*view.sources()), QStringLiteral("done"), 30000);
    }
    for (const QString &lang : {QString(), QStringLiteral("de")}) {
        ConsoleLanguage::install(qApp, lang.isEmpty() ? QLocale(QLocale::English) : QLocale(QLocale::German), true);
        ApiClient client;
        QVERIFY(signIn(client));
        MainWindow w(client);
        w.setGeometry(0, 0, 1280, 800);
        w.show();
        w.startSession();
        w.showKnowledge();
        KnowledgeSources &sources = *w.knowledge()->sources();
        w.knowledge()->tabs()->setCurrentWidget(&sources);
        QTRY_VERIFY(sources.model().rowCount() == 1 && sources.currentId() > 0);
        QTRY_VERIFY(child<QTreeWidget>(sources, "kbSourceFailed")->isVisible());
        QCoreApplication::processEvents(); // the layout settles before the picture
        const QString suffix = lang.isEmpty() ? QString() : QStringLiteral("-") + lang;
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("knowledge-sources%1.png").arg(suffix))));
    }
    ConsoleLanguage::install(qApp, QLocale(QLocale::English), true);
}

QTEST_MAIN(TestKnowledgeSources)
#include "tst_knowledgesources.moc"
