// The admin's configuration page in the console's window against a real embedded server:
// a what-if over known sessions lists exactly the sessions that change, a field made
// invalid shows the validator's words and Save is refused, and an edited keyword saved
// from the page escalates the next customer message, the ai section (provider from the registered
// ones, models, history, masking, temperature) round-trips and the server's refusal of a provider
// that is gone is shown on its field; business hours are set, judged and saved from the form;
// a lower tier given more money than the one above it is warned of; what-if cells show their whole
// text on hover and Revert clears them; the form fits a 1024 px window. Every model passes
// QAbstractItemModelTester.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ScriptedModelServer.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/ConfigHistoryModel.h"
#include "ui/models/ModelTrialModel.h"
#include "ui/models/SimulationModel.h"
#include "ui/views/BusinessHoursEditor.h"
#include "ui/views/ConfigForm.h"
#include "ui/views/ConfigView.h"
#include "ui/views/ConversationView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestConfigView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase() { m_server.stop(); }
    void whatIfListsExactlyTheChangedSessions();
    void invalidFieldShowsTheValidatorsErrorAndSaveIsRefused();
    void savedKeywordEscalatesTheNextMessage();
    void replyLanguageChosenOnThePage();
    void assignmentModeSavedAndShownAgain();
    void callsSectionSavedAndAnotherCompanysNumberRefused();
    void whoMayCallSavedAndThePasswordNeverShown();
    void aiSectionRoundTripsAndARefusalNamesItsField();
    void whatIfShowsTheCandidateModelsReplies();
    void hiddenFromSupervisors();
    void wheelScrollsThePageNotTheNumberUnderThePointer();
    void businessHoursSetJudgedAndSaved();
    void lowerTierWithMoreMoneyIsWarnedOf();
    void whatIfCellsReadableAndClearedOnRevert();
    void formFitsA1024PixelWindow();

private:
    QString sessionWith(const QStringList &messages);
    void addKeyword(const QString &word);
    // Registers an OpenAI-compatible provider and reloads the page until it offers it.
    bool addProvider(const QString &name, const QString &baseUrl);
    QJsonObject serverConfig();

    ServerFixture m_server;
    QString m_company;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_simulationTester;
    std::unique_ptr<QAbstractItemModelTester> m_historyTester;
    ConfigView *m_view = nullptr;
    QString m_calm, m_manager, m_refund;
    int m_customers = 0;
};

void TestConfigView::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_company = m_server.createCompany(QStringLiteral("Config Page Co"));
    m_http = m_server.client(api::Role::Admin, m_company);
    m_calm = sessionWith({QStringLiteral("Hello, what are your opening hours?")});
    m_manager = sessionWith({QStringLiteral("Hello, I ordered a pineapple"),
        QStringLiteral("The pineapple is still not here"), QStringLiteral("I want to speak to a manager")});
    m_refund = sessionWith({QStringLiteral("I want a refund of $40 for order ORD-55501 please")});
    QVERIFY(!m_calm.isEmpty() && !m_manager.isEmpty() && !m_refund.isEmpty());
    QVERIFY(
        m_server.addAgent(QStringLiteral("agt_sue"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor"), {}));
}

void TestConfigView::init()
{
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    m_client->setToken(m_server.token(api::Role::Admin, m_company, 3600, QStringLiteral("ada")));
    m_window = std::make_unique<MainWindow>(*m_client);
    m_view = m_window->configuration();
    QVERIFY(m_view);
    m_simulationTester = std::make_unique<QAbstractItemModelTester>(
        &m_view->simulation(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_historyTester = std::make_unique<QAbstractItemModelTester>(
        &m_view->history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QSignalSpy loaded(m_view, &ConfigView::loaded);
    m_window->showConfiguration();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->currentItem()->text(),
        QStringLiteral("Configuration"));
    QVERIFY(m_view->isVisible());
    QVERIFY(!m_view->canSave()); // nothing edited yet
}

void TestConfigView::cleanup()
{
    m_simulationTester.reset();
    m_historyTester.reset();
    m_window.reset();
    m_client.reset();
}

QString TestConfigView::sessionWith(const QStringList &messages)
{
    const QString customer = QStringLiteral("cust_page_%1").arg(++m_customers);
    const HttpResult created = m_http->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_company, customer));
    const QString id = created.json().value(QLatin1String("id")).toString();
    for (const QString &m : messages)
        if (m_http->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id), {{QStringLiteral("message"), m}})
                .status
            != 201)
            return {};
    return created.status == 201 ? id : QString();
}

bool TestConfigView::addProvider(const QString &name, const QString &baseUrl)
{
    const HttpResult added = m_http->post(QStringLiteral("/api/cs/ai/providers"),
        {{QStringLiteral("companyId"), m_company}, {QStringLiteral("name"), name},
            {QStringLiteral("kind"), QStringLiteral("openai")}, {QStringLiteral("baseUrl"), baseUrl}});
    if (added.status != 201)
        return false;
    QSignalSpy providers(m_view, &ConfigView::providersLoaded);
    QSignalSpy loaded(m_view, &ConfigView::loaded);
    m_view->refresh();
    return loaded.wait(5000) && (providers.count() > 0 || providers.wait(5000));
}

void TestConfigView::addKeyword(const QString &word)
{
    auto *keywords
        = qobject_cast<QPlainTextEdit *>(m_view->form().field(QStringLiteral("irateProtocol.triggerKeywords")));
    QVERIFY(keywords);
    keywords->setPlainText(keywords->toPlainText() + QLatin1Char('\n') + word);
}

QJsonObject TestConfigView::serverConfig()
{
    return m_http->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_company}})).json();
}

void TestConfigView::whatIfListsExactlyTheChangedSessions()
{
    ConfigForm &form = m_view->form();
    addKeyword(QStringLiteral("pineapple"));
    qobject_cast<QCheckBox *>(form.field(QStringLiteral("tiers.aiRep.capabilities.canProcessRefunds")))
        ->setChecked(true);
    qobject_cast<QDoubleSpinBox *>(form.field(QStringLiteral("tiers.aiRep.capabilities.maxRefundAmount")))
        ->setValue(100);
    QVERIFY(m_view->problem().isEmpty());

    QSignalSpy simulated(m_view, &ConfigView::simulated);
    m_view->findChild<QPushButton *>(QStringLiteral("whatIfRun"))->click();
    QVERIFY(simulated.wait(10000));
    SimulationModel &model = m_view->simulation();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(m_calm), -1);
    const int manager = model.rowOf(m_manager);
    const int refund = model.rowOf(m_refund);
    QVERIFY(manager >= 0 && refund >= 0);
    QCOMPARE(model.index(manager, SimulationModel::Change).data(SimulationModel::ChangeRole).toString(),
        QStringLiteral("EARLIER"));
    QCOMPARE(model.index(manager, SimulationModel::Before).data().toString(),
        QStringLiteral("Customer request → AI Manager at message 5"));
    QCOMPARE(model.index(manager, SimulationModel::After).data().toString(),
        QStringLiteral("Irate customer → AI Manager at message 3"));
    QCOMPARE(model.index(refund, SimulationModel::Change).data(SimulationModel::ChangeRole).toString(),
        QStringLiteral("NO_LONGER"));
    QCOMPARE(model.index(refund, SimulationModel::After).data().toString(), QStringLiteral("No escalation"));
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("whatIfSummary"))->text(),
        QStringLiteral("2 of 3 session(s) would change — escalate earlier: 1 · no longer escalate: 1"));
    QCOMPARE(serverConfig()
                 .value(QLatin1String("irateProtocol"))
                 .toObject()
                 .value(QLatin1String("triggerKeywords"))
                 .toArray()
                 .size(),
        3);

    // A row opens its conversation, read-only.
    auto *table = m_view->findChild<QTableView *>(QStringLiteral("whatIfTable"));
    const QModelIndex cell = table->model()->index(refund, SimulationModel::Session);
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QCOMPARE(m_window->conversation()->sessionId(), m_refund);
    QVERIFY(m_window->conversation()->isReadOnly());
}

void TestConfigView::invalidFieldShowsTheValidatorsErrorAndSaveIsRefused()
{
    auto *phone = qobject_cast<QLineEdit *>(m_view->form().field(QStringLiteral("tiers.humanAgent.escalationPhone")));
    QVERIFY(phone);
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("+1 555 0100 extension 4711 ask for Ada"));
    const QString expected = QStringLiteral("tiers.humanAgent.escalationPhone: at most 32 characters");
    QCOMPARE(m_view->problem(), expected);
    auto *error = m_view->findChild<QLabel *>(QStringLiteral("error_humanAgent"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(), expected);
    QCOMPARE(m_view->form().problemField(), phone);
    QVERIFY(!m_view->canSave());
    QSignalSpy refused(m_view, &ConfigView::saveRefused);
    m_view->save();
    QCOMPARE(refused.count(), 1);
    QCOMPARE(serverConfig()
                 .value(QLatin1String("tiers"))
                 .toObject()
                 .value(QLatin1String("humanAgent"))
                 .toObject()
                 .value(QLatin1String("escalationPhone"))
                 .toString(),
        QString());

    // Made valid again, the error goes and Save is possible.
    phone->setText(QStringLiteral("+1 555 0100"));
    Q_EMIT phone->textEdited(phone->text());
    QVERIFY(m_view->problem().isEmpty());
    QVERIFY(!error->isVisible());
    QVERIFY(m_view->canSave());
}

void TestConfigView::savedKeywordEscalatesTheNextMessage()
{
    // Before: "kumquat" is no irate keyword; one message with it leaves the session with the AI Rep.
    const QString before = sessionWith({QStringLiteral("This kumquat is a kumquat")});
    QCOMPARE(
        m_http->get(QStringLiteral("/api/cs/sessions/") + before).json().value(QLatin1String("currentTier")).toString(),
        QStringLiteral("AI_REP"));

    addKeyword(QStringLiteral("kumquat"));
    qobject_cast<QSpinBox *>(m_view->form().field(QStringLiteral("irateProtocol.autoEscalate.afterAttempts")))
        ->setValue(1);
    QVERIFY(m_view->canSave());
    QVERIFY(m_view->needsWhatIf());
    // The first Save of an escalation change shows the what-if; the second one saves.
    QSignalSpy simulated(m_view, &ConfigView::simulated);
    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(simulated.wait(10000));
    QCOMPARE(saved.count(), 0);
    QVERIFY(m_view->simulation().rowOf(before) >= 0);
    QCOMPARE(
        m_view->simulation().index(m_view->simulation().rowOf(before), 0).data(SimulationModel::ChangeRole).toString(),
        QStringLiteral("NEWLY"));
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    QVERIFY(!m_view->canSave());

    // The engine follows the new config on the next message.
    const QString after = sessionWith({QStringLiteral("This kumquat is a kumquat")});
    const QJsonObject s = m_http->get(QStringLiteral("/api/cs/sessions/") + after).json();
    QCOMPARE(s.value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_MANAGER"));
    QCOMPARE(s.value(QLatin1String("escalationHistory"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("reason"))
                 .toString(),
        QStringLiteral("IRATE_CUSTOMER"));

    // The history shows who changed which field, before and after (reloaded after the save).
    ConfigHistoryModel &h = m_view->history();
    auto rowOfField = [&h](const QString &path) {
        for (int row = 0; row < h.rowCount(); ++row)
            if (h.index(row, ConfigHistoryModel::Field).data().toString() == path)
                return row;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOfField(QStringLiteral("irateProtocol.triggerKeywords")) >= 0, 5000);
    const int keywords = rowOfField(QStringLiteral("irateProtocol.triggerKeywords"));
    const int attempts = rowOfField(QStringLiteral("irateProtocol.autoEscalate.afterAttempts"));
    QVERIFY(keywords >= 0 && attempts >= 0);
    QCOMPARE(h.index(attempts, ConfigHistoryModel::Who).data().toString(), QStringLiteral("ada"));
    QCOMPARE(h.index(attempts, ConfigHistoryModel::Before).data().toString(), QStringLiteral("2"));
    QCOMPARE(h.index(attempts, ConfigHistoryModel::After).data().toString(), QStringLiteral("1"));
    QVERIFY(h.index(keywords, ConfigHistoryModel::After).data().toString().contains(QLatin1String("kumquat")));
}

// The replies' language is saved from the page and the next AI reply is in it.
void TestConfigView::replyLanguageChosenOnThePage()
{
    const auto lastAiReply = [this](const QString &sessionId) {
        const QJsonArray messages = m_http->get(QStringLiteral("/api/cs/sessions/") + sessionId)
                                        .json()
                                        .value(QLatin1String("messages"))
                                        .toArray();
        for (qsizetype i = messages.size() - 1; i >= 0; --i)
            if (messages.at(i).toObject().value(QLatin1String("role")).toString().startsWith(QLatin1String("ai")))
                return messages.at(i).toObject().value(QLatin1String("content")).toString();
        return QString();
    };
    const QString question = QStringLiteral("what will the weather be like tomorrow?");
    const QString english = lastAiReply(sessionWith({question}));
    QVERIFY(!english.isEmpty());
    auto *language = qobject_cast<QComboBox *>(m_view->form().field(QStringLiteral("language")));
    QVERIFY(language);
    QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
    language->setCurrentIndex(language->findData(QStringLiteral("de")));
    QVERIFY(m_view->canSave());
    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click(); // no escalation change: saved at once
    QVERIFY(saved.wait(5000));
    QCOMPARE(serverConfig().value(QLatin1String("language")).toString(), QStringLiteral("de"));
    const QString german = lastAiReply(sessionWith({question}));
    QVERIFY2(german != english && german.contains(QLatin1String(" Sie")), qPrintable(german));
    // Back to English for the tests after this one.
    QJsonObject restored = serverConfig();
    restored.insert(QStringLiteral("language"), QStringLiteral("en"));
    QCOMPARE(m_http->put(QStringLiteral("/api/cs/config"), restored).status, 200);
}

void TestConfigView::assignmentModeSavedAndShownAgain()
{
    const auto serverAssignment = [this] {
        return serverConfig().value(QLatin1String("desk")).toObject().value(QLatin1String("assignment")).toString();
    };
    QCOMPARE(serverAssignment(), QStringLiteral("manual"));
    auto *assignment = qobject_cast<QComboBox *>(m_view->form().field(QStringLiteral("desk.assignment")));
    QVERIFY(assignment);
    QCOMPARE(assignment->currentData().toString(), QStringLiteral("manual"));
    assignment->setCurrentIndex(assignment->findData(QStringLiteral("automatic")));
    QVERIFY(m_view->canSave());
    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(serverAssignment(), QStringLiteral("automatic"));

    // Read back from the server, the page shows it; then manual again for the tests after this one.
    QJsonObject restored = serverConfig();
    QJsonObject desk = restored.value(QLatin1String("desk")).toObject();
    desk.insert(QStringLiteral("assignment"), QStringLiteral("manual"));
    restored.insert(QStringLiteral("desk"), desk);
    QSignalSpy loaded(m_view, &ConfigView::loaded);
    m_view->refresh();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(assignment->currentData().toString(), QStringLiteral("automatic"));
    QCOMPARE(m_http->put(QStringLiteral("/api/cs/config"), restored).status, 200);
}

// Calls: the numbers (one per line), the AI's voice and recording are saved; a number another
// company answers is refused by the server, and the page says so.
void TestConfigView::callsSectionSavedAndAnotherCompanysNumberRefused()
{
    const QString other = m_server.createCompany(QStringLiteral("Numbers Elsewhere Co"));
    QCOMPARE(m_server.client(api::Role::Admin, other)
                 ->put(QStringLiteral("/api/cs/config"),
                     QJsonObject{{QStringLiteral("companyId"), other},
                         {QStringLiteral("voice"),
                             QJsonObject{{QStringLiteral("numbers"), QJsonArray{QStringLiteral("+15550199")}}}}})
                 .status,
        200);
    auto *numbers = qobject_cast<QPlainTextEdit *>(m_view->form().field(QStringLiteral("voice.numbers")));
    auto *voice = qobject_cast<QComboBox *>(m_view->form().field(QStringLiteral("voice.voice")));
    auto *record = qobject_cast<QCheckBox *>(m_view->form().field(QStringLiteral("voice.recordCalls")));
    QVERIFY(numbers && voice && record);
    QVERIFY(record->isChecked());
    numbers->setPlainText(QStringLiteral("+15550100\n+15550101"));
    voice->setCurrentIndex(voice->findData(QStringLiteral("rms")));
    record->setChecked(false);
    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    const QJsonObject stored = serverConfig().value(QLatin1String("voice")).toObject();
    QCOMPARE(stored.value(QLatin1String("numbers")).toArray(),
        (QJsonArray{QStringLiteral("+15550100"), QStringLiteral("+15550101")}));
    QCOMPARE(stored.value(QLatin1String("voice")).toString(), QStringLiteral("rms"));
    QCOMPARE(stored.value(QLatin1String("recordCalls")).toBool(true), false);

    numbers->setPlainText(QStringLiteral("+15550100\n+15550199"));
    QSignalSpy failed(m_view, &ConfigView::saveRefused);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("+15550199")),
        qPrintable(failed.first().first().toString()));
    QCOMPARE(
        serverConfig().value(QLatin1String("voice")).toObject().value(QLatin1String("numbers")).toArray().size(), 2);

    QJsonObject restored = serverConfig(); // as before, for the tests after this one
    restored.insert(QStringLiteral("voice"),
        QJsonObject{{QStringLiteral("numbers"), QJsonArray{}}, {QStringLiteral("voice"), QStringLiteral("slt")},
            {QStringLiteral("recordCalls"), true}});
    QCOMPARE(m_http->put(QStringLiteral("/api/cs/config"), restored).status, 200);
}

// Settings › Calls › who may call: numbers that ask nothing of callers are warned of; the trunk's
// addresses and digest credentials are saved, the password sealed and never shown again, kept by a
// later change that leaves it empty; an address that is none is the validator's refusal.
void TestConfigView::whoMayCallSavedAndThePasswordNeverShown()
{
    ConfigForm &form = m_view->form();
    auto *numbers = qobject_cast<QPlainTextEdit *>(form.field(QStringLiteral("voice.numbers")));
    auto *sources = qobject_cast<QPlainTextEdit *>(form.field(QStringLiteral("voice.sip.allowedSources")));
    auto *user = qobject_cast<QLineEdit *>(form.field(QStringLiteral("voice.sip.digest.username")));
    auto *password = qobject_cast<QLineEdit *>(form.field(QStringLiteral("voice.sip.digest.password")));
    auto *algorithms = qobject_cast<QComboBox *>(form.field(QStringLiteral("voice.sip.digest.algorithms")));
    auto *warning = form.findChild<QLabel *>(QStringLiteral("openCallsWarning"));
    QVERIFY(numbers && sources && user && password && algorithms && warning);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(warning->isHidden()); // no numbers, nothing to warn of
    numbers->setPlainText(QStringLiteral("+15550177"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QLatin1String("Anyone")), qPrintable(warning->text()));

    sources->setPlainText(QStringLiteral("203.0.113.7\n54.172.60.0/30"));
    QTest::keyClicks(user, QStringLiteral("trunk"));
    QTest::keyClicks(password, QStringLiteral("s3cret-trunk"));
    algorithms->setCurrentIndex(algorithms->findData(QStringLiteral("MD5")));
    QVERIFY(warning->isHidden());
    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    QJsonObject sip = serverConfig()[QLatin1String("voice")][QLatin1String("sip")].toObject();
    QCOMPARE(sip.value(QLatin1String("allowedSources")).toArray(),
        (QJsonArray{QStringLiteral("203.0.113.7"), QStringLiteral("54.172.60.0/30")}));
    QJsonObject digest = sip.value(QLatin1String("digest")).toObject();
    QCOMPARE(digest.value(QLatin1String("username")).toString(), QStringLiteral("trunk"));
    QCOMPARE(digest.value(QLatin1String("algorithms")).toArray(), QJsonArray{QStringLiteral("MD5")});
    QVERIFY(digest.value(QLatin1String("passwordSet")).toBool());
    QVERIFY(!digest.contains(QLatin1String("password")));
    QTRY_VERIFY(password->text().isEmpty()); // shown again as the server has it: set, not what it is
    QVERIFY2(password->placeholderText().contains(QLatin1String("keep")), qPrintable(password->placeholderText()));
    QVERIFY(!m_view->canSave());

    sources->setPlainText(QStringLiteral("203.0.113.8"));
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    sip = serverConfig()[QLatin1String("voice")][QLatin1String("sip")].toObject();
    QCOMPARE(sip.value(QLatin1String("allowedSources")).toArray(), QJsonArray{QStringLiteral("203.0.113.8")});
    QVERIFY(sip[QLatin1String("digest")][QLatin1String("passwordSet")].toBool()); // kept

    sources->setPlainText(QStringLiteral("trunk.example"));
    QVERIFY(!m_view->canSave());
    QCOMPARE(form.problemField(), sources);

    QJsonObject restored = serverConfig(); // as before, for the tests after this one
    restored.insert(QStringLiteral("voice"),
        QJsonObject{{QStringLiteral("numbers"), QJsonArray{}}, {QStringLiteral("voice"), QStringLiteral("slt")},
            {QStringLiteral("recordCalls"), true},
            {QStringLiteral("sip"),
                QJsonObject{
                    {QStringLiteral("allowedSources"), QJsonArray{}}, {QStringLiteral("digest"), QJsonValue()}}}});
    QCOMPARE(m_http->put(QStringLiteral("/api/cs/config"), restored).status, 200);
}

void TestConfigView::aiSectionRoundTripsAndARefusalNamesItsField()
{
    QVERIFY(addProvider(QStringLiteral("desk-llm"), QStringLiteral("http://127.0.0.1:9/v1")));

    ConfigForm &form = m_view->form();
    auto *provider = qobject_cast<QComboBox *>(form.field(QStringLiteral("ai.provider")));
    QVERIFY(provider);
    QCOMPARE(provider->currentData().toString(), QStringLiteral("local"));
    QCOMPARE(provider->currentText(), QStringLiteral("Local (built-in)"));
    const int named = provider->findData(QStringLiteral("desk-llm"));
    QVERIFY(named > 0);
    provider->setCurrentIndex(named);
    // A provider needs the AI Rep's model: the validator says so on that field.
    auto *aiRep = qobject_cast<QLineEdit *>(form.field(QStringLiteral("ai.models.aiRep")));
    QVERIFY(aiRep);
    QVERIFY2(m_view->problem().startsWith(QLatin1String("ai.models.aiRep: ")), qPrintable(m_view->problem()));
    QCOMPARE(form.problemField(), aiRep);
    auto *error = m_view->findChild<QLabel *>(QStringLiteral("error_ai"));
    QVERIFY(error && error->isVisible());
    QVERIFY(!m_view->canSave());

    aiRep->setText(QStringLiteral("small-model"));
    Q_EMIT aiRep->textEdited(aiRep->text());
    qobject_cast<QLineEdit *>(form.field(QStringLiteral("ai.models.aiManager")))
        ->setText(QStringLiteral("large-model"));
    qobject_cast<QLineEdit *>(form.field(QStringLiteral("ai.models.assist")))->setText(QStringLiteral("helper-model"));
    qobject_cast<QSpinBox *>(form.field(QStringLiteral("ai.historyMessages")))->setValue(8);
    qobject_cast<QCheckBox *>(form.field(QStringLiteral("ai.maskPii")))->setChecked(false);
    qobject_cast<QDoubleSpinBox *>(form.field(QStringLiteral("ai.temperature")))->setValue(0.7);
    QVERIFY2(m_view->problem().isEmpty(), qPrintable(m_view->problem()));
    QVERIFY(m_view->canSave());
    QVERIFY(!m_view->needsWhatIf()); // the wording of replies decides no escalation
    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    const QJsonObject ai = serverConfig().value(QLatin1String("ai")).toObject();
    QCOMPARE(ai.value(QLatin1String("provider")).toString(), QStringLiteral("desk-llm"));
    const QJsonObject models = ai.value(QLatin1String("models")).toObject();
    QCOMPARE(models.value(QLatin1String("aiRep")).toString(), QStringLiteral("small-model"));
    QCOMPARE(models.value(QLatin1String("aiManager")).toString(), QStringLiteral("large-model"));
    QCOMPARE(models.value(QLatin1String("assist")).toString(), QStringLiteral("helper-model"));
    QCOMPARE(ai.value(QLatin1String("historyMessages")).toInt(), 8);
    QCOMPARE(ai.value(QLatin1String("maskPii")).toBool(), false);
    QCOMPARE(ai.value(QLatin1String("temperature")).toDouble(), 0.7);

    // Read back into a fresh page: the same values.
    ConfigView again(*m_client);
    QSignalSpy againLoaded(&again, &ConfigView::loaded);
    again.refresh();
    QVERIFY(againLoaded.wait(5000));
    QCOMPARE(again.form().config().value(QLatin1String("ai")).toObject(), ai);

    // The provider is removed meanwhile: the server refuses the next save naming ai.provider.
    QCOMPARE(m_http->del(QStringLiteral("/api/cs/ai/providers/desk-llm")).status, 204);
    QCOMPARE(provider->currentData().toString(), QStringLiteral("desk-llm")); // still what the config names
    qobject_cast<QDoubleSpinBox *>(form.field(QStringLiteral("ai.temperature")))->setValue(0.3);
    QSignalSpy refused(m_view, &ConfigView::saveRefused);
    m_view->save();
    QVERIFY(refused.wait(5000));
    QVERIFY2(refused.first().first().toString().startsWith(QLatin1String("ai.provider: ")),
        qPrintable(refused.first().first().toString()));
    QCOMPARE(form.problemField(), provider);
    QVERIFY(error->isVisible());

    // Back to the built-in responder for the tests after this one.
    QJsonObject restored = serverConfig();
    QJsonObject local = restored.value(QLatin1String("ai")).toObject();
    local.insert(QStringLiteral("provider"), QStringLiteral("local"));
    restored.insert(QStringLiteral("ai"), local);
    QCOMPARE(m_http->put(QStringLiteral("/api/cs/config"), restored).status, 200);
}

// An edited "ai" section tried before it is saved: the model's replies as the guard judged them,
// in the what-if's second tab, and nothing stored.
void TestConfigView::whatIfShowsTheCandidateModelsReplies()
{
    test::ScriptedModelServer model(ProviderKind::OpenAi);
    QVERIFY(model.isListening());
    // A claim of a refund nobody made, first and after the repair request: the guard refuses both.
    model.setAnswers({model.reply(QStringLiteral("Good news: I've refunded your $500."), 90, 12)});
    QVERIFY(addProvider(QStringLiteral("trial-llm"), model.baseUrl().toString()));

    ConfigForm &form = m_view->form();
    auto *provider = qobject_cast<QComboBox *>(form.field(QStringLiteral("ai.provider")));
    provider->setCurrentIndex(provider->findData(QStringLiteral("trial-llm")));
    auto *aiRep = qobject_cast<QLineEdit *>(form.field(QStringLiteral("ai.models.aiRep")));
    aiRep->setText(QStringLiteral("small-model"));
    Q_EMIT aiRep->textEdited(aiRep->text());
    QVERIFY2(m_view->problem().isEmpty(), qPrintable(m_view->problem()));
    auto *tabs = m_view->findChild<QTabWidget *>(QStringLiteral("whatIfTabs"));
    QVERIFY(tabs);
    QVERIFY(!tabs->isTabEnabled(1)); // no trial yet

    QSignalSpy simulated(m_view, &ConfigView::simulated);
    m_view->findChild<QPushButton *>(QStringLiteral("whatIfRun"))->click();
    QVERIFY(simulated.wait(20000));
    ModelTrialModel &trial = m_view->modelTrial();
    QVERIFY(trial.hasTrial());
    QVERIFY(trial.rowCount() > 0);
    QVERIFY(tabs->isTabEnabled(1));
    QCOMPARE(tabs->currentIndex(), 1); // no escalation changes: the model's words are the news
    QCOMPARE(tabs->tabText(1), QStringLiteral("Model replies (%1)").arg(trial.rowCount()));
    for (int row = 0; row < trial.rowCount(); ++row) {
        const QModelIndex verdict = trial.index(row, ModelTrialModel::Verdict);
        QCOMPARE(verdict.data(ModelTrialModel::VerdictRole).toString(), QStringLiteral("fallback"));
        QCOMPARE(verdict.data().toString(), QStringLiteral("Local reply (guard)"));
        QVERIFY(!trial.index(row, ModelTrialModel::Reply).data().toString().contains(QLatin1String("refunded")));
        const QString notes = verdict.data(Qt::ToolTipRole).toString();
        QVERIFY2(notes.contains(QLatin1String("Guard: claims a refund")), qPrintable(notes));
    }
    QCOMPARE(model.count(), 2 * trial.rowCount()); // each turn: the reply and the repair
    const QString summary = m_view->findChild<QLabel *>(QStringLiteral("modelTrialSummary"))->text();
    // The AI Manager's model is the one an earlier test saved (large-model).
    QVERIFY2(summary.startsWith(QLatin1String("small-model")), qPrintable(summary));
    QVERIFY2(summary.contains(
                 QStringLiteral(" · %1 turn(s): 0 passed, 0 repaired, %1 answered locally").arg(trial.rowCount())),
        qPrintable(summary));

    // Nothing was stored; Revert clears the trial with the edits it was for.
    QCOMPARE(serverConfig().value(QLatin1String("ai")).toObject().value(QLatin1String("provider")).toString(),
        QStringLiteral("local"));
    m_view->findChild<QPushButton *>(QStringLiteral("configRevert"))->click();
    QVERIFY(!trial.hasTrial());
    QCOMPARE(trial.rowCount(), 0);
    QVERIFY(!tabs->isTabEnabled(1));
    QCOMPARE(m_view->simulation().rowCount(), 0);
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("whatIfSummary"))->text(),
        QStringLiteral("Edit the config, then see what it would have changed."));
    QCOMPARE(m_http->del(QStringLiteral("/api/cs/ai/providers/trial-llm")).status, 204);
}

// Only admins may change the config: the page is not offered to anyone else.
void TestConfigView::hiddenFromSupervisors()
{
    auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    const QList<QListWidgetItem *> found = nav->findItems(QStringLiteral("Configuration"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    QVERIFY(!found.first()->isHidden());
    QSignalSpy changed(m_client.get(), &ApiClient::agentChanged);
    m_client->setToken(m_server.token(api::Role::Supervisor, {}, 3600, QStringLiteral("agt_sue")));
    m_client->me();
    QVERIFY(changed.wait(5000));
    QVERIFY(found.first()->isHidden());
}

namespace {

// One notch of a mouse wheel turned up over `target`, delivered as the window
// system delivers it (spontaneous): QApplication focuses by the focus policy and
// passes an ignored wheel on to the parents.
void turnWheelOver(QWidget *target)
{
    const QPoint local = target->rect().center();
    QWidget *under = target->childAt(local) ? target->childAt(local) : target;
    const QPointF at = under->mapFrom(target, local);
    QWheelEvent wheel(at, target->mapToGlobal(local), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&wheel);
    QApplication::instance()->notify(under, &wheel); // sendEvent() would make it non-spontaneous again
}

} // namespace

// Once, scrolling the page changed every number box passing under the pointer
// (the AI Manager's longest reply went 800 -> 789 -> 774 and Save lit up).
void TestConfigView::wheelScrollsThePageNotTheNumberUnderThePointer()
{
    auto *longest = qobject_cast<QSpinBox *>(
        m_view->form().field(QStringLiteral("tiers.aiManager.responseGuidelines.maxResponseLength")));
    auto *scroll = m_view->findChild<QScrollArea *>(QStringLiteral("configScroll"));
    QVERIFY(longest && scroll);
    m_window->resize(1100, 560); // a laptop's screen: the form is taller than its pane
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
    scroll->verticalScrollBar()->setValue(1); // scrolled a little: the wheel can scroll the page back up
    scroll->ensureWidgetVisible(longest);
    m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->setFocus();
    QVERIFY(!longest->hasFocus());
    const int before = longest->value();
    const int scrolled = scroll->verticalScrollBar()->value();

    turnWheelOver(longest);
    QCOMPARE(longest->value(), before);
    QVERIFY(!longest->hasFocus()); // the wheel does not focus it either
    QVERIFY(!m_view->canSave());
    QVERIFY2(scroll->verticalScrollBar()->value() != scrolled, "the wheel scrolls the page instead");

    // Focused (clicked or tabbed into), the box takes the wheel.
    scroll->ensureWidgetVisible(longest);
    longest->setFocus();
    QTRY_VERIFY(longest->hasFocus());
    turnWheelOver(longest);
    QVERIFY(longest->value() != before);
    QVERIFY(m_view->canSave());
}

void TestConfigView::businessHoursSetJudgedAndSaved()
{
    const auto hours_ = [](const char *from, const char *to) {
        return QPair<QString, QString>{QLatin1String(from), QLatin1String(to)};
    };
    const auto serverHours = [this] {
        return serverConfig().value(QLatin1String("desk")).toObject().value(QLatin1String("businessHours"));
    };
    QVERIFY(serverHours().isNull());
    auto *hours = qobject_cast<BusinessHoursEditor *>(m_view->form().field(QStringLiteral("desk.businessHours")));
    QVERIFY(hours);
    QVERIFY(hours->alwaysOpen());
    auto *always = hours->findChild<QCheckBox *>(QStringLiteral("hoursAlwaysOpen"));
    always->setChecked(false);
    QVERIFY2(m_view->canSave(), qPrintable(m_view->problem()));
    // Unticked, a usual week to start from: Monday to Friday, 09:00 to 17:00.
    QCOMPARE(hours->day(QStringLiteral("mon")), (QList<QPair<QString, QString>>{hours_("09:00", "17:00")}));
    QVERIFY(hours->day(QStringLiteral("sun")).isEmpty());
    hours->setTimeZone(QStringLiteral("Europe/Berlin"));
    hours->setDay(QStringLiteral("fri"), {hours_("09:00", "12:00"), hours_("13:00", "16:00")});
    hours->findChild<QDateEdit *>(QStringLiteral("hoursHolidayDate"))->setDate(QDate(2026, 12, 25));
    hours->findChild<QPushButton *>(QStringLiteral("hoursHolidayAdd"))->click();
    QVERIFY2(m_view->problem().isEmpty(), qPrintable(m_view->problem()));

    // An end before its start: the validator's words beside the days, and no Save.
    hours->setDay(QStringLiteral("tue"), {hours_("17:00", "09:00")});
    QVERIFY2(
        m_view->problem().startsWith(QLatin1String("desk.businessHours.weekly.tue[0]")), qPrintable(m_view->problem()));
    QCOMPARE(hours->problem(), m_view->problem());
    QVERIFY(!m_view->canSave());
    hours->setDay(QStringLiteral("tue"), {hours_("09:00", "17:00")});
    hours->findChild<QPushButton *>(QStringLiteral("hoursCopyMonday"))->click(); // also Friday: Monday's hours
    QVERIFY(m_view->problem().isEmpty());
    hours->setDay(QStringLiteral("fri"), {hours_("09:00", "12:00"), hours_("13:00", "16:00")});
    hours->findChild<QToolButton *>(QStringLiteral("hoursAdd_sat"))->click();
    QVERIFY(m_view->canSave());

    QSignalSpy saved(m_view, &ConfigView::saved);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    const QJsonObject stored = serverHours().toObject();
    QCOMPARE(stored.value(QLatin1String("timeZone")).toString(), QStringLiteral("Europe/Berlin"));
    const QJsonObject weekly = stored.value(QLatin1String("weekly")).toObject();
    QCOMPARE(weekly.value(QLatin1String("fri")).toArray(),
        (QJsonArray{QJsonArray{QStringLiteral("09:00"), QStringLiteral("12:00")},
            QJsonArray{QStringLiteral("13:00"), QStringLiteral("16:00")}}));
    QCOMPARE(weekly.value(QLatin1String("sat")).toArray().size(), 1);
    QCOMPARE(weekly.value(QLatin1String("sun")).toArray().size(), 0);
    QCOMPARE(stored.value(QLatin1String("holidays")).toArray(), QJsonArray{QStringLiteral("2026-12-25")});
    QVERIFY(!m_view->canSave()); // read back as saved: nothing left to save

    // Always open again: null on the server.
    always->setChecked(true);
    m_view->findChild<QPushButton *>(QStringLiteral("configSave"))->click();
    QVERIFY(saved.wait(5000));
    QVERIFY(serverHours().isNull());
}

void TestConfigView::lowerTierWithMoreMoneyIsWarnedOf()
{
    ConfigForm &form = m_view->form();
    auto *warning = m_view->findChild<QLabel *>(QStringLiteral("configCapWarning"));
    QVERIFY(warning);
    QVERIFY(warning->isHidden());
    const auto spin = [&](const char *path) { return qobject_cast<QDoubleSpinBox *>(form.field(QLatin1String(path))); };
    const auto may = [&](const char *path) { return qobject_cast<QCheckBox *>(form.field(QLatin1String(path))); };
    may("tiers.aiRep.capabilities.canProcessRefunds")->setChecked(true);
    may("tiers.aiManager.capabilities.canProcessRefunds")->setChecked(true);
    spin("tiers.aiManager.capabilities.maxRefundAmount")->setValue(100);
    spin("tiers.aiRep.capabilities.maxRefundAmount")->setValue(50);
    QVERIFY(warning->isHidden());
    spin("tiers.aiRep.capabilities.maxRefundAmount")->setValue(500);
    QVERIFY(!warning->isHidden());
    QVERIFY2(warning->text().contains(QLatin1String("The AI Rep may refund up to $500.00"))
            && warning->text().contains(QLatin1String("the AI Manager")),
        qPrintable(warning->text()));
    QVERIFY(m_view->problem().isEmpty()); // a warning, not a refusal
    m_view->findChild<QPushButton *>(QStringLiteral("configRevert"))->click();
    QVERIFY(warning->isHidden() || !warning->text().contains(QLatin1String("$500")));
}

void TestConfigView::whatIfCellsReadableAndClearedOnRevert()
{
    addKeyword(QStringLiteral("pineapple"));
    QSignalSpy simulated(m_view, &ConfigView::simulated);
    m_view->findChild<QPushButton *>(QStringLiteral("whatIfRun"))->click();
    QVERIFY(simulated.wait(10000));
    SimulationModel &model = m_view->simulation();
    const int manager = model.rowOf(m_manager);
    QVERIFY(manager >= 0);
    for (int column : {int(SimulationModel::Before), int(SimulationModel::After)}) {
        const QModelIndex cell = model.index(manager, column);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), cell.data().toString());
        QVERIFY(!cell.data().toString().isEmpty());
    }
    m_view->findChild<QPushButton *>(QStringLiteral("configRevert"))->click();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("whatIfSummary"))->text(),
        QStringLiteral("Edit the config, then see what it would have changed."));
}

// A small screen: every group of the form within the visible pane, nothing cut off at the right.
void TestConfigView::formFitsA1024PixelWindow()
{
    m_window->resize(1024, 700);
    // Business hours open: the widest the form gets.
    auto *hours = qobject_cast<BusinessHoursEditor *>(m_view->form().field(QStringLiteral("desk.businessHours")));
    hours->findChild<QCheckBox *>(QStringLiteral("hoursAlwaysOpen"))->setChecked(false);
    hours->setDay(QStringLiteral("fri"),
        {{QStringLiteral("09:00"), QStringLiteral("12:00")}, {QStringLiteral("13:00"), QStringLiteral("16:00")}});
    auto *scroll = m_view->findChild<QScrollArea *>(QStringLiteral("configScroll"));
    QTRY_VERIFY(scroll->viewport()->width() > 0);
    QTRY_VERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
        qPrintable(QStringLiteral("form %1 px in a %2 px pane")
                       .arg(scroll->widget()->width())
                       .arg(scroll->viewport()->width())));
    QVERIFY2(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width(),
        qPrintable(QStringLiteral("form needs %1 px in a %2 px pane")
                       .arg(scroll->widget()->minimumSizeHint().width())
                       .arg(scroll->viewport()->width())));
    QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
        qPrintable(QStringLiteral("the window needs %1 px").arg(m_window->minimumSizeHint().width())));
    QVERIFY(m_window->width() <= 1024);
    scroll->ensureWidgetVisible(hours);
    QCOMPARE(scroll->horizontalScrollBar()->value(), 0); // nothing to scroll to sideways
}

QTEST_MAIN(TestConfigView)
#include "tst_configview.moc"
