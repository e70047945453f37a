// The console's knowledge base page against a real embedded server: the list fills from
// the API (and passes QAbstractItemModelTester), searching ranks as the AI does, an edited
// article is saved in place, and Delete needs a second click.
#include "tests/api/ApiTestSupport.h"
#include "ui/client/ApiClient.h"
#include "ui/models/KbModel.h"
#include "ui/views/KnowledgeView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestKnowledgeView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    }
    void cleanupTestCase() { m_server.stop(); }

    void searchEditSaveDelete()
    {
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
        client.setToken(m_server.token(api::Role::Admin));
        KnowledgeView view(client);
        QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1100, 700);
        view.show();
        view.refresh();
        QTRY_VERIFY(view.model().rowCount() >= 40);

        auto *search = view.findChild<QLineEdit *>(QStringLiteral("kbSearch"));
        QVERIFY(search);
        search->setText(QStringLiteral("my app keeps crashing"));
        QTRY_COMPARE(view.model().article(0).value(QLatin1String("slug")).toString(), QStringLiteral("app-crashes"));
        const qint64 articleId = view.model().data(view.model().index(0, 0), KbModel::IdRole).toLongLong();

        auto *table = view.findChild<QTableView *>(QStringLiteral("kbTable"));
        table->selectRow(0);
        auto *content = view.findChild<QPlainTextEdit *>(QStringLiteral("kbContent"));
        QTRY_VERIFY(content->toPlainText().contains(QLatin1String("crashes")));
        QCOMPARE(view.currentId(), articleId);
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("kbDelete"))->isEnabled());

        content->setPlainText(QStringLiteral(
            "Update the app, then restart your phone. Still crashing? Write to apps@northwind.example."));
        view.findChild<QPlainTextEdit *>(QStringLiteral("kbSteps"))
            ->setPlainText(QStringLiteral("Update the app\n\nRestart the phone\n"));
        view.findChild<QPushButton *>(QStringLiteral("kbSave"))->click();
        auto *message = view.findChild<QLabel *>(QStringLiteral("kbMessage"));
        QTRY_VERIFY(message->text().startsWith(QLatin1String("Saved")));
        QCOMPARE(view.currentId(), articleId);
        QVERIFY2(message->text().startsWith(QLatin1String("Saved")), qPrintable(message->text()));

        // The server holds the edited article, with its steps.
        HttpClient http(m_server.port(), m_server.token(api::Role::Agent));
        HttpResult r = http.get(QStringLiteral("/api/cs/kb/%1").arg(view.currentId()));
        QVERIFY2(r.status == 200, describe(r));
        QVERIFY(r.json().value(QLatin1String("content")).toString().contains(QLatin1String("apps@northwind.example")));
        QCOMPARE(r.json().value(QLatin1String("steps")).toArray().size(), 2);

        // Delete asks for a second click; then the article is gone.
        const qint64 copyId = view.currentId();
        auto *remove = view.findChild<QPushButton *>(QStringLiteral("kbDelete"));
        QVERIFY(remove->isEnabled());
        remove->click();
        QCOMPARE(http.get(QStringLiteral("/api/cs/kb/%1").arg(copyId)).status, 200);
        remove->click();
        QTRY_COMPARE(view.currentId(), qint64(0));
        QCOMPARE(http.get(QStringLiteral("/api/cs/kb/%1").arg(copyId)).status, 404);
    }

    void aRefusedSaveSaysWhy()
    {
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
        client.setToken(m_server.token(api::Role::Admin));
        KnowledgeView view(client);
        view.findChild<QLineEdit *>(QStringLiteral("kbTitle"))->setText(QStringLiteral("No content yet"));
        view.findChild<QPushButton *>(QStringLiteral("kbSave"))->click();
        auto *message = view.findChild<QLabel *>(QStringLiteral("kbMessage"));
        QTRY_VERIFY(message->text().contains(QLatin1String("content")));
        QCOMPARE(view.currentId(), qint64(0));
    }

    void importShowsProgressAndTheArticlesAreSearchable()
    {
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
        client.setToken(m_server.token(api::Role::Admin));
        KnowledgeView view(client);
        QTemporaryDir folder;
        for (int i = 0; i < 5; ++i) {
            QFile f(folder.filePath(QStringLiteral("lantern-%1.md").arg(i)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral(
                "---\ntitle: Lantern model %1 battery\ncategory: PRODUCT_QUALITY\nkeywords: lantern\n---\n"
                "The model %1 lantern runs 40 hours on one charge.\n")
                        .arg(i)
                        .toUtf8());
        }
        QFile bad(folder.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("[1, 2") > 0);
        bad.close();

        auto *progress = view.findChild<QProgressBar *>(QStringLiteral("kbImportProgress"));
        QSignalSpy shown(progress, &QProgressBar::valueChanged);
        view.importFolder(folder.path());
        auto *message = view.findChild<QLabel *>(QStringLiteral("kbMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Imported")), 15000);
        QVERIFY2(message->text().contains(QLatin1String("5 new, 0 updated")), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QLatin1String("bad.json")), qPrintable(message->text()));
        QVERIFY(shown.count() >= 5); // one step an article or file
        QCOMPARE(progress->maximum(), 6);

        HttpClient http(m_server.port(), m_server.token(api::Role::Agent));
        const HttpResult r = http.get(withQuery(QStringLiteral("/api/cs/kb"),
            {{QStringLiteral("companyId"), m_server.companyId()},
                {QStringLiteral("q"), QStringLiteral("lantern battery")}}));
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 5);

        view.importFolder(folder.path()); // again: the same slugs are updated
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("0 new, 5 updated")), 15000);
    }

private:
    ServerFixture m_server;
};

QTEST_MAIN(TestKnowledgeView)
#include "tst_knowledgeview.moc"
