// The console's window and the engine thread behind it, on the offscreen
// platform, against a real embedded server.
#include "core/engine/desk/DemoLoad.h"
#include "core/runtime/Runtime.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/StubApi.h"
#include "ui/ConsoleApp.h"
#include "ui/EngineController.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ResolveDialog.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/QueueView.h"
#include "ui/views/ShortcutsOverlay.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void showsWhereTheServerIs();
    void engineRunsOnItsOwnThreadAndServes();
    void startFailureIsShown();
    void secondConsoleShowsWhoHasTheDataDirectoryAndLeaves();
    void conversationFollowsTheCustomerLive();
    void resolveFromTheConversation();
    void lostConnectionShowsAndIsRetried();
    void databaseAwayShowsReconnectingUntilBack();
    void shortcutsAndTheirOverlay();
    void newAndBreachedEscalationsNotify();
    void anAgentWhoIsAwayIsNotDisturbed();
    void aQueueLongerThanOnePageCountsEveryWaitingSession();

private:
    QString openSession(const QString &text);

    ServerFixture m_server;
};

void TestMainWindow::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
}

QString TestMainWindow::openSession(const QString &text)
{
    auto http = m_server.client(api::Role::Agent);
    return http
        ->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), text))
        .json()
        .value(QLatin1String("id"))
        .toString();
}

void TestMainWindow::showsWhereTheServerIs()
{
    ApiClient client;
    MainWindow w(client);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *status = w.findChild<QLabel *>(QStringLiteral("serverStatus"));
    auto *notice = w.findChild<QLabel *>(QStringLiteral("noticeBar"));
    QVERIFY(status && notice);
    QVERIFY(status->text().contains(QLatin1String("Starting")));
    QVERIFY(!notice->isVisible());
    w.showStarted(QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("/data"), QStringLiteral("system keyring"),
        QStringLiteral("No keyring warning"));
    QCOMPARE(status->text(), QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(status->toolTip().contains(QLatin1String("/data")));
    QVERIFY(status->toolTip().contains(QLatin1String("system keyring")));
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), QStringLiteral("No keyring warning"));
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("connectionState"))->text(), QStringLiteral("○ Offline"));
}

void TestMainWindow::engineRunsOnItsOwnThreadAndServes()
{
    QTemporaryDir dir;
    EngineController engine;
    QSignalSpy started(&engine, &EngineController::started);
    QSignalSpy failed(&engine, &EngineController::failed);
    engine.start(dir.path(), 0);
    // The engine thread may emit before a wait() could begin, so poll the spies instead.
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 15000);
    QVERIFY2(!started.isEmpty(), failed.isEmpty() ? "no signal" : qPrintable(failed.first().first().toString()));
    const QString baseUrl = started.first().at(0).toString();
    QVERIFY(baseUrl.startsWith(QLatin1String("http://127.0.0.1:")));
    QCOMPARE(started.first().at(1).toString(), QDir(dir.path()).absolutePath());

    // The GUI thread's event loop stays free while the engine thread answers.
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(baseUrl + QStringLiteral("/api/cs/health"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"ok\""));
    reply->deleteLater();
}

void TestMainWindow::startFailureIsShown()
{
    // A data directory that cannot be created: the window says so.
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EngineController engine;
    ApiClient client;
    MainWindow w(client);
    connect(&engine, &EngineController::failed, &w, &MainWindow::showFailed);
    QSignalSpy failed(&engine, &EngineController::failed);
    engine.start(dir.filePath(QStringLiteral("file/sub")), 0);
    // Failing fast, the engine thread can emit before a wait() begins: poll instead.
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 15000);
    QTRY_COMPARE(
        w.findChild<QLabel *>(QStringLiteral("serverStatus"))->text(), QStringLiteral("The engine could not start"));
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("noticeBar"))->text().isEmpty());
}

void TestMainWindow::secondConsoleShowsWhoHasTheDataDirectoryAndLeaves()
{
    QTemporaryDir dir;
    QTemporaryDir tokens;
    QVERIFY(dir.isValid());
    auto tokenStore = [&] {
        return std::make_unique<TokenStore>([path = tokens.filePath(QStringLiteral("t.json"))](QString *) {
            return std::unique_ptr<SecretStore>(new FileSecretStore(path));
        });
    };
    // Another owner of the data directory (a running console or `tierdesk serve`).
    auto holder = api::Runtime::open(dir.path());
    QVERIFY2(holder.ok(), holder.ok() ? "" : qPrintable(holder.error().message));

    QStringList dialogs; // "title: text" of each dialog that would have been shown
    ConsoleDialogs::setHook(
        [&](const QString &title, const QString &text) { dialogs << title + QStringLiteral(": ") + text; });
    {
        ConsoleApp console(tokenStore());
        QSignalSpy exit(&console, &ConsoleApp::exitRequested);
        console.start(dir.path(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!exit.isEmpty(), 15000);
        QCOMPARE(exit.first().at(0).toInt(), 1);
        QCOMPARE(dialogs.size(), 1);
        const QString pid = QStringLiteral("pid %1").arg(QCoreApplication::applicationPid());
        QVERIFY2(dialogs.first().contains(QLatin1String("already running")) && dialogs.first().contains(pid),
            qPrintable(dialogs.first()));
        QVERIFY(exit.first().at(1).toString().contains(pid));
        QTRY_COMPARE_WITH_TIMEOUT(console.window().findChild<QLabel *>(QStringLiteral("serverStatus"))->text(),
            QStringLiteral("The engine could not start"), 5000);
    }
    ConsoleDialogs::setHook({});

    // Once the holder is gone the console starts normally, without a dialog.
    holder.value().reset();
    ConsoleApp console(tokenStore());
    QSignalSpy exit(&console, &ConsoleApp::exitRequested);
    console.start(dir.path(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(console.window()
                                 .findChild<QLabel *>(QStringLiteral("serverStatus"))
                                 ->text()
                                 .startsWith(QLatin1String("http://127.0.0.1:")),
        15000);
    QCOMPARE(exit.count(), 0);
}

void TestMainWindow::conversationFollowsTheCustomerLive()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Agent));
    MainWindow w(client);
    w.show();
    QSignalSpy subscribed(&client.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("connectionState"))->text(), QStringLiteral("● Live"));

    const QString id = openSession(QStringLiteral("My parcel never arrived"));
    QVERIFY(!id.isEmpty());
    w.openConversation(id);
    ConversationView *c = w.conversation();
    QTRY_VERIFY_WITH_TIMEOUT(c->transcript().rowCount() >= 2, 5000); // the customer and the AI's answer
    const int before = c->transcript().rowCount();
    QCOMPARE(w.findChild<QListWidget *>(QStringLiteral("navigation"))->currentRow(), 1);

    // The customer writes again: it arrives over the WebSocket, no reload.
    auto http = m_server.client(api::Role::Agent);
    const HttpResult posted = http->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
        {{QStringLiteral("message"), QStringLiteral("Hello? Anyone?")}});
    QCOMPARE(posted.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(c->transcript().rowCount() > before, 5000);
    bool seen = false;
    for (int r = 0; r < c->transcript().rowCount(); ++r)
        seen = seen
            || c->transcript().index(r).data(TranscriptModel::ContentRole).toString()
                == QLatin1String("Hello? Anyone?");
    QVERIFY(seen);
    w.stopSession();
}

void TestMainWindow::resolveFromTheConversation()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    client.setToken(m_server.token(api::Role::Agent));
    MainWindow w(client);
    const QString id = openSession(QStringLiteral("Thanks, that answers it"));
    w.openConversation(id);
    QTRY_VERIFY_WITH_TIMEOUT(w.conversation()->transcript().rowCount() >= 1, 5000);
    QSignalSpy resolved(w.conversation(), &ConversationView::resolved);
    w.conversation()->showResolve();
    auto *dialog = w.conversation()->findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog);
    dialog->setResolutionType(QStringLiteral("INFORMATION_PROVIDED"));
    dialog->setSummary(QStringLiteral("Explained the delivery times"));
    dialog->accept();
    QVERIFY(resolved.wait(5000));
    auto http = m_server.client(api::Role::Agent);
    const QJsonObject s = http->get(QStringLiteral("/api/cs/sessions/") + id).json();
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"));
    QCOMPARE(s.value(QLatin1String("resolution")).toObject().value(QLatin1String("summary")).toString(),
        QStringLiteral("Explained the delivery times"));
}

void TestMainWindow::lostConnectionShowsAndIsRetried()
{
    ServerFixture server;
    QString error;
    QVERIFY2(server.start({}, false, &error), qPrintable(error));
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    client.setToken(server.token(api::Role::Agent));
    MainWindow w(client);
    auto *state = w.findChild<QLabel *>(QStringLiteral("connectionState"));
    w.startSession();
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("● Live"), 5000);
    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("○ Connection lost — retrying"), 5000);
    w.stopSession();
    QCOMPARE(state->text(), QStringLiteral("○ Offline"));
}

// Team mode: the server answers 503 CS_024 (reason "connection") while it reconnects to its
// PostgreSQL database. The status bar says so, asks /health until it answers 200, then goes back.
void TestMainWindow::databaseAwayShowsReconnectingUntilBack()
{
    const StubApi::Answer away{503,
        QJsonObject{{QStringLiteral("error"),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("CS_024")},
                {QStringLiteral("message"), QStringLiteral("Storage unavailable")},
                {QStringLiteral("details"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("connection")}}}}}}};
    StubApi stub;
    stub.script("GET /api/cs/queue", {away});
    stub.script("GET /api/cs/health", {away, {200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}}});
    ApiClient client;
    client.setBaseUrl(QUrl(stub.url()));
    client.setToken("token");
    MainWindow w(client);
    auto *state = w.findChild<QLabel *>(QStringLiteral("connectionState"));
    QCOMPARE(state->text(), QStringLiteral("○ Offline"));
    QSignalSpy changes(&client, &ApiClient::storeReconnectingChanged);
    client.send("GET", QStringLiteral("/api/cs/queue"));
    QVERIFY(changes.wait(5000));
    QCOMPARE(state->text(), QStringLiteral("○ Server reconnecting to its database…"));
    QVERIFY(changes.wait(3 * MainWindow::kStoreProbeMs + 5000)); // the second /health answers 200
    QCOMPARE(changes.at(1).at(0).toBool(), false);
    QCOMPARE(stub.to("GET /api/cs/health").size(), 2);
    QCOMPARE(state->text(), QStringLiteral("○ Offline"));
}

void TestMainWindow::shortcutsAndTheirOverlay()
{
    ApiClient client;
    MainWindow w(client);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    auto *overlay = w.findChild<ShortcutsOverlay *>(QStringLiteral("shortcutsOverlay"));
    QVERIFY(overlay && overlay->isHidden());
    QTest::keyClick(&w, Qt::Key_F1);
    QTRY_VERIFY(overlay->isVisible());
    QTest::keyClick(overlay, Qt::Key_Escape);
    QVERIFY(overlay->isHidden());

    QJsonArray items;
    for (const char *id : {"sess_a", "sess_b"})
        items.append(QJsonObject{{QStringLiteral("sessionId"), QString::fromLatin1(id)},
            {QStringLiteral("priority"), QStringLiteral("normal")},
            {QStringLiteral("queue"), QStringLiteral("orders")}});
    w.queueModel().setItems(items);
    w.queueView()->table()->setFocus();
    QTest::keyClick(&w, Qt::Key_J);
    const QString first = w.queueView()->currentSessionId();
    QVERIFY(!first.isEmpty());
    QTest::keyClick(&w, Qt::Key_J);
    QVERIFY(w.queueView()->currentSessionId() != first);
    QTest::keyClick(&w, Qt::Key_K);
    QCOMPARE(w.queueView()->currentSessionId(), first);

    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(w.findChild<QLineEdit *>(QStringLiteral("queueSearch"))->hasFocus());
    // Typing a letter into the search box is text, not a shortcut.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("jk"));
    QCOMPARE(w.findChild<QLineEdit *>(QStringLiteral("queueSearch"))->text(), QStringLiteral("jk"));
}

void TestMainWindow::newAndBreachedEscalationsNotify()
{
    ApiClient client;
    MainWindow w(client);
    const QJsonObject item{{QStringLiteral("sessionId"), QStringLiteral("sess_n")},
        {QStringLiteral("issueSummary"), QStringLiteral("Broken kettle")},
        {QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")}}}};
    emit client.events().eventsArrived(
        {QJsonObject{{QStringLiteral("type"), QStringLiteral("queue.added")},
             {QStringLiteral("sessionId"), QStringLiteral("sess_n")}, {QStringLiteral("data"), item}},
            QJsonObject{{QStringLiteral("type"), QStringLiteral("sla.breached")},
                {QStringLiteral("sessionId"), QStringLiteral("sess_n")}, {QStringLiteral("data"), item}}});
    QCOMPARE(w.notifications().size(), 2);
    QCOMPARE(w.notifications().at(0), QStringLiteral("New escalation: Ada · Broken kettle"));
    QCOMPARE(w.notifications().at(1), QStringLiteral("SLA breached: Ada has waited too long"));
    QCOMPARE(w.queueModel().rowCount(), 1);
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("queueCounts"))->text().startsWith(QLatin1String("1 waiting")));
}

void TestMainWindow::anAgentWhoIsAwayIsNotDisturbed()
{
    ApiClient client;
    MainWindow w(client);
    w.findChild<QComboBox *>(QStringLiteral("presenceCombo"))->setCurrentIndex(1); // away
    const QJsonObject item{{QStringLiteral("sessionId"), QStringLiteral("sess_q")},
        {QStringLiteral("queue"), QStringLiteral("orders")},
        {QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")}}}};
    emit client.events().eventsArrived({QJsonObject{{QStringLiteral("type"), QStringLiteral("queue.added")},
        {QStringLiteral("sessionId"), QStringLiteral("sess_q")}, {QStringLiteral("data"), item}}});
    QVERIFY(w.notifications().isEmpty());
    QCOMPARE(w.queueModel().rowCount(), 1); // still listed, only not announced
}

void TestMainWindow::aQueueLongerThanOnePageCountsEveryWaitingSession()
{
    ServerFixture server;
    QString error;
    QVERIFY2(server.start({}, false, &error), qPrintable(error));
    // More waiting sessions than the queue route's largest page (500).
    DemoLoadRequest load;
    load.sessions = 520;
    load.escalations = 520;
    QVERIFY(seedDemoLoad(server.runtime().engine(), server.companyId(), load));
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    client.setToken(server.token(api::Role::Agent));
    MainWindow w(client);
    w.startSession();
    QTRY_COMPARE_WITH_TIMEOUT(w.queueModel().rowCount(), 500, 10000);
    auto *counts = w.findChild<QLabel *>(QStringLiteral("queueCounts"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        counts->text().startsWith(QLatin1String("520 waiting")), qPrintable(counts->text()), 5000);
    w.stopSession();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
