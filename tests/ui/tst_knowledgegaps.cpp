// The Knowledge view's Gaps tab against a real embedded server: questions the demo company's
// knowledge does not answer, asked through the API, are listed grouped, biggest first, with their
// wordings; "Draft an article" fills the editor under Articles, and once the admin saves it the
// group is gone; "Dismiss" (asked twice) hides a group; agents do not see the tab, supervisors do.
// KbGapsModel passes QAbstractItemModelTester.
// With TIERDESK_KB_SCREENSHOTS=DIR (under xvfb-run, QT_QPA_PLATFORM unset) it also writes
// knowledge-gaps.png and knowledge-gaps-de.png into DIR.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/KbGapsModel.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/KbGapsView.h"
#include "ui/views/KnowledgeView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

int rowLabelled(KbGapsModel &model, const QString &words)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.row(i).value(QLatin1String("label")).toString().contains(words, Qt::CaseInsensitive))
            return i;
    return -1;
}

// The rows as the server listed them, for a failure's message.
QByteArray dump(KbGapsModel &model)
{
    QJsonArray rows;
    for (int i = 0; i < model.rowCount(); ++i)
        rows.append(model.row(i));
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

} // namespace

class TestKnowledgeGaps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void modelPassesTheTester();
    void shownToSupervisorsNotAgents();
    void aGapIsDraftedSavedAndGone();
    void aGapIsDismissed();
    void screenshots();

private:
    bool signIn(ApiClient &client, const QString &email = QStringLiteral("ada@example.com"));
    void ask(const QString &customer, const QString &text);
    // The admin's view on its Gaps tab, the gaps read.
    void openGaps(KnowledgeView &view);

    ServerFixture m_server;
};

void TestKnowledgeGaps::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    for (const auto &[email, name, role] : {std::tuple{"ada@example.com", "Ada Admin", "admin"},
             std::tuple{"sue@example.com", "Sue Supervisor", "supervisor"},
             std::tuple{"al@example.com", "Al Agent", "agent"}}) {
        NewAgent a{m_server.companyId(), QLatin1String(email), QLatin1String(name), QLatin1String(role), {}};
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    }
    QVERIFY(m_server.runtime().store().batch().flush());
    // Nothing of the demo company's knowledge is about kayaks or fishing licences.
    ask(QStringLiteral("cust_k1"), QStringLiteral("Do you rent kayaks?"));
    ask(QStringLiteral("cust_k2"), QStringLiteral("Can I rent a kayak for the weekend?"));
    ask(QStringLiteral("cust_k3"), QStringLiteral("Can I rent kayaks in your shop?"));
    ask(QStringLiteral("cust_s1"), QStringLiteral("Do you sell fishing licences?"));
}

bool TestKnowledgeGaps::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

void TestKnowledgeGaps::ask(const QString &customer, const QString &text)
{
    const auto http = m_server.client(api::Role::Admin);
    const HttpResult r
        = http->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), customer, text));
    QVERIFY2(r.status == 201, describe(r).constData());
}

void TestKnowledgeGaps::openGaps(KnowledgeView &view)
{
    view.show();
    view.tabs()->setCurrentWidget(view.gaps());
    QTRY_VERIFY(view.gaps()->model().rowCount() > 0);
}

void TestKnowledgeGaps::modelPassesTheTester()
{
    KbGapsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("kbq_1")},
        {QStringLiteral("label"), QStringLiteral("Do you ship to Canada?")}, {QStringLiteral("questions"), 4},
        {QStringLiteral("sessions"), 3}, {QStringLiteral("escalated"), 2}, {QStringLiteral("resolvedByPeople"), 1},
        {QStringLiteral("lastSeenAt"), QStringLiteral("2026-11-27T10:00:00.000Z")},
        {QStringLiteral("examples"), QJsonArray{QStringLiteral("Do you ship to Canada?")}}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, KbGapsModel::Question).data().toString(), QStringLiteral("Do you ship to Canada?"));
    QCOMPARE(model.index(0, KbGapsModel::Asked).data().toString(), QStringLiteral("4"));
    QCOMPARE(model.index(0, KbGapsModel::Conversations).data().toString(), QStringLiteral("3"));
    QCOMPARE(model.index(0, KbGapsModel::ToAPerson).data().toString(), QStringLiteral("2"));
    QCOMPARE(model.index(0, KbGapsModel::ResolvedByPeople).data().toString(), QStringLiteral("1"));
    QVERIFY(!model.index(0, KbGapsModel::LastAsked).data().toString().isEmpty());
    QCOMPARE(model.keyOf(0), QStringLiteral("kbq_1"));
}

void TestKnowledgeGaps::shownToSupervisorsNotAgents()
{
    ApiClient agent;
    QVERIFY(signIn(agent, QStringLiteral("al@example.com")));
    KnowledgeView agentView(agent);
    agentView.show();
    QVERIFY(!agentView.tabs()->isTabVisible(agentView.tabs()->indexOf(agentView.gaps())));
    ApiClient supervisor;
    QVERIFY(signIn(supervisor, QStringLiteral("sue@example.com")));
    KnowledgeView view(supervisor);
    QVERIFY(view.tabs()->isTabVisible(view.tabs()->indexOf(view.gaps())));
    openGaps(view);
    // Biggest first: the kayaks, asked three ways.
    KbGapsView &gaps = *view.gaps();
    QVERIFY2(rowLabelled(gaps.model(), QStringLiteral("kayak")) == 0, dump(gaps.model()).constData());
    QVERIFY2(gaps.model().row(0).value(QLatin1String("questions")).toInt() == 3, dump(gaps.model()).constData());
    QVERIFY(rowLabelled(gaps.model(), QStringLiteral("fishing")) > 0);
}

void TestKnowledgeGaps::aGapIsDraftedSavedAndGone()
{
    ApiClient admin;
    QVERIFY(signIn(admin));
    KnowledgeView view(admin);
    openGaps(view);
    KbGapsView &gaps = *view.gaps();
    const int row = rowLabelled(gaps.model(), QStringLiteral("kayak"));
    QVERIFY(row >= 0);
    gaps.select(gaps.model().keyOf(row));
    auto *examples = child<QListWidget>(gaps, "kbGapExamples");
    QCOMPARE(examples->count(), 3);
    QTest::mouseClick(child<QPushButton>(gaps, "kbGapDraft"), Qt::LeftButton);
    // The draft opens under Articles, a new article with the questions in it.
    QTRY_COMPARE(view.tabs()->currentIndex(), 0);
    auto *title = child<QLineEdit>(view, "kbTitle");
    QCOMPARE(title->text(), QStringLiteral("Do you rent kayaks?"));
    auto *content = child<QPlainTextEdit>(view, "kbContent");
    QVERIFY2(content->toPlainText().contains(QStringLiteral("Can I rent a kayak for the weekend?")),
        qPrintable(content->toPlainText()));
    QCOMPARE(view.currentId(), qint64(0));
    // The admin writes the answer and saves: the article answers the questions, the gap goes.
    title->setText(QStringLiteral("Kayak rental"));
    content->setPlainText(QStringLiteral("Yes, you can rent a kayak at any of our shops. Kayak rental costs "
                                         "25 euros a day, paddles and life jackets included."));
    QTest::mouseClick(child<QPushButton>(view, "kbSave"), Qt::LeftButton);
    QTRY_VERIFY(view.currentId() > 0);
    QTRY_COMPARE(rowLabelled(gaps.model(), QStringLiteral("kayak")), -1);
    QVERIFY(rowLabelled(gaps.model(), QStringLiteral("fishing")) >= 0);
}

void TestKnowledgeGaps::aGapIsDismissed()
{
    ApiClient supervisor;
    QVERIFY(signIn(supervisor, QStringLiteral("sue@example.com")));
    KnowledgeView view(supervisor);
    openGaps(view);
    KbGapsView &gaps = *view.gaps();
    const int row = rowLabelled(gaps.model(), QStringLiteral("fishing"));
    QVERIFY(row >= 0);
    gaps.select(gaps.model().keyOf(row));
    auto *dismiss = child<ConfirmButton>(gaps, "kbGapDismiss");
    QTest::mouseClick(dismiss, Qt::LeftButton); // armed: asks once more
    QVERIFY(dismiss->isArmed());
    QCOMPARE(rowLabelled(gaps.model(), QStringLiteral("fishing")), row);
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QTRY_COMPARE(rowLabelled(gaps.model(), QStringLiteral("fishing")), -1);
}

void TestKnowledgeGaps::screenshots()
{
    const QString out = qEnvironmentVariable("TIERDESK_KB_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("TIERDESK_KB_SCREENSHOTS is not set");
    QDir().mkpath(out);
    ask(QStringLiteral("cust_p1"), QStringLiteral("Do you price match other shops?"));
    ask(QStringLiteral("cust_p2"), QStringLiteral("Will you match a lower price from another shop?"));
    ask(QStringLiteral("cust_g1"), QStringLiteral("Can I buy a gift card in the shop?"));
    for (const QString &lang : {QString(), QStringLiteral("de")}) {
        ConsoleLanguage::install(qApp, lang.isEmpty() ? QLocale(QLocale::English) : QLocale(QLocale::German), true);
        ApiClient client;
        QVERIFY(signIn(client));
        MainWindow w(client);
        w.setGeometry(0, 0, 1280, 800);
        w.show();
        w.startSession();
        w.showKnowledge();
        KbGapsView &gaps = *w.knowledge()->gaps();
        w.knowledge()->tabs()->setCurrentWidget(&gaps);
        QTRY_VERIFY(gaps.model().rowCount() > 0);
        gaps.select(gaps.model().keyOf(0));
        QCoreApplication::processEvents(); // the layout settles before the picture
        const QString suffix = lang.isEmpty() ? QString() : QStringLiteral("-") + lang;
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("knowledge-gaps%1.png").arg(suffix))));
    }
    ConsoleLanguage::install(qApp, QLocale(QLocale::English), true);
}

QTEST_MAIN(TestKnowledgeGaps)
#include "tst_knowledgegaps.moc"
