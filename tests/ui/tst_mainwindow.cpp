// The console's first window and the engine thread behind it, on the offscreen platform.
#include "core/api/cs/Runtime.h"
#include "ui/ConsoleApp.h"
#include "ui/EngineController.h"
#include "ui/MainWindow.h"

#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace tierdesk::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsWhereTheServerIs();
    void feedShowsEventsNewestFirstAndStaysBounded();
    void engineRunsOnItsOwnThreadAndServes();
    void startFailureIsShown();
    void secondConsoleShowsWhoHasTheDataDirectoryAndLeaves();
};

void TestMainWindow::showsWhereTheServerIs()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *status = w.findChild<QLabel *>(QStringLiteral("serverStatus"));
    auto *details = w.findChild<QLabel *>(QStringLiteral("serverDetails"));
    QVERIFY(status && details);
    QVERIFY(status->text().contains(QLatin1String("Starting")));
    w.showStarted(QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("/data"), QStringLiteral("system keyring"),
                  QStringLiteral("No keyring warning"));
    QCOMPARE(status->text(), QStringLiteral("Serving the CS API at http://127.0.0.1:8080/api/cs"));
    QVERIFY(details->text().contains(QLatin1String("/data")));
    QVERIFY(details->text().contains(QLatin1String("system keyring")));
    QVERIFY(details->text().contains(QLatin1String("No keyring warning")));
}

void TestMainWindow::feedShowsEventsNewestFirstAndStaysBounded()
{
    MainWindow w;
    auto *feed = w.findChild<QListWidget *>(QStringLiteral("eventFeed"));
    QVERIFY(feed);
    w.addEvent(QStringLiteral("c1"), QStringLiteral("sess_a"), QStringLiteral("created"), {});
    w.addEvent(QStringLiteral("c1"), QStringLiteral("sess_a"), QStringLiteral("escalated"),
               {{QStringLiteral("reason"), QStringLiteral("LEGAL_MENTION")}, {QStringLiteral("toTier"), QStringLiteral("AI_MANAGER")}});
    QCOMPARE(feed->count(), 2);
    QVERIFY(feed->item(0)->text().contains(QLatin1String("LEGAL_MENTION -> AI_MANAGER")));
    QVERIFY(feed->item(1)->text().contains(QLatin1String("created")));
    for (int i = 0; i < 600; ++i)
        w.addEvent(QStringLiteral("c1"), QStringLiteral("sess_b"), QStringLiteral("message"),
                   {{QStringLiteral("customerMessage"), QJsonObject{{QStringLiteral("content"), QStringLiteral("hi %1").arg(i)}}}});
    QCOMPARE(feed->count(), 500);
    QVERIFY(feed->item(0)->text().contains(QLatin1String("\"hi 599\"")));
}

void TestMainWindow::engineRunsOnItsOwnThreadAndServes()
{
    QTemporaryDir dir;
    EngineController engine;
    QSignalSpy started(&engine, &EngineController::started);
    QSignalSpy failed(&engine, &EngineController::failed);
    engine.start(dir.path(), 0);
    QVERIFY2(started.wait(15000), failed.isEmpty() ? "no signal" : qPrintable(failed.first().first().toString()));
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
    MainWindow w;
    connect(&engine, &EngineController::failed, &w, &MainWindow::showFailed);
    QSignalSpy failed(&engine, &EngineController::failed);
    engine.start(dir.filePath(QStringLiteral("file/sub")), 0);
    QVERIFY(failed.wait(15000));
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("serverStatus"))->text(), QStringLiteral("The engine could not start"));
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("serverDetails"))->text().isEmpty());
}

void TestMainWindow::secondConsoleShowsWhoHasTheDataDirectoryAndLeaves()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Another owner of the data directory (a running console or `tierdesk serve`).
    auto holder = tierdesk::api::Runtime::open(dir.path());
    QVERIFY2(holder.ok(), holder.ok() ? "" : qPrintable(holder.error().message));

    QStringList dialogs; // "title: text" of each dialog that would have been shown
    ConsoleDialogs::setHook([&](const QString &title, const QString &text) { dialogs << title + QStringLiteral(": ") + text; });
    {
        ConsoleApp console;
        QSignalSpy exit(&console, &ConsoleApp::exitRequested);
        console.start(dir.path(), 0);
        QVERIFY(exit.wait(15000));
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
    ConsoleApp console;
    QSignalSpy exit(&console, &ConsoleApp::exitRequested);
    console.start(dir.path(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(console.window().findChild<QLabel *>(QStringLiteral("serverStatus"))->text().startsWith(
                                 QLatin1String("Serving")), 15000);
    QCOMPARE(exit.count(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
