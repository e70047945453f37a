// Drives the real console for scripts/screenshots.sh (not a test): logs in to
// --server, waits for the queue, shoots it with ImageMagick's `import`, opens a
// conversation and shoots that. Runs under xvfb-run; waits are for painting.
#include "core/integrations/SecretStore.h"
#include "ui/ConsoleApp.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/MfaSetupDialog.h"
#include "ui/dialogs/MfaSetupPanel.h"
#include "ui/models/AiProvidersModel.h"
#include "ui/models/CustomersModel.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/AgentsSettings.h"
#include "ui/views/AssistPanel.h"
#include "ui/views/BusinessHoursEditor.h"
#include "ui/views/ConfigForm.h"
#include "ui/views/ConfigView.h"
#include "ui/views/ConversationView.h"
#include "ui/views/CustomersView.h"
#include "ui/views/KnowledgeView.h"
#include "ui/views/QueueView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/TokensSettings.h"
#include "ui/views/settings/AiProvidersSettings.h"
#include "ui/views/settings/CannedResponsesSettings.h"
#include "ui/views/settings/ConnectorsSettings.h"
#include "ui/views/settings/NotificationsSettings.h"
#include "ui/views/settings/SignInSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace tierdesk;
using namespace tierdesk::ui;

namespace {

constexpr int kPaintMs = 1500; // let the window settle before a shot

void shoot(const QString &file, QObject *context, std::function<void()> then)
{
    auto *p = new QProcess(context);
    QObject::connect(p, &QProcess::finished, context, [p, file, then](int code) {
        QTextStream(stdout) << (code == 0 ? "wrote " : "import failed for ") << file << Qt::endl;
        p->deleteLater();
        then();
    });
    p->start(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), file});
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tierdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("tierdesk"));
    ConsoleLanguage::installChosen(&app); // as the console does: LANGUAGE=de shoots it in German
    QCommandLineParser p;
    for (const char *o : {"server", "email", "password", "open", "out", "admin-token"})
        p.addOption(QCommandLineOption(QString::fromLatin1(o), QString(), QStringLiteral("value")));
    p.process(app);
    const QDir out(p.value(QStringLiteral("out")));
    QTemporaryDir tokens;
    const QString tokenFile = tokens.filePath(QStringLiteral("t.json"));
    ConsoleApp console(std::make_unique<TokenStore>(
        [tokenFile](QString *) { return std::unique_ptr<SecretStore>(new FileSecretStore(tokenFile)); }));
    MainWindow &w = console.window();
    w.setGeometry(0, 0, 1280, 800);
    w.show();
    console.start(ConsoleOptions{{}, 0, QUrl(p.value(QStringLiteral("server")))});

    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (console.loginDialog() && console.loginDialog()->isVisible() && console.loginDialog()->email().isEmpty()) {
            console.loginDialog()->fill(p.value(QStringLiteral("email")), p.value(QStringLiteral("password")), false);
            console.loginDialog()->accept();
        }
    });
    poll.start();

    const QString wanted = p.value(QStringLiteral("open"));
    // Settings as an admin sees them: the agents, then an API token just made (shown once).
    // An admin makes another company (the switcher at the top left lists the companies).
    // Sign-in: the login's second step (the dialog as it asks for the code), Settings › Sign-in with
    // this console's session, and a second factor's setup with its QR code.
    LoginDialog *codeStep = nullptr;
    std::function<void()> shootLoginMfa = [&] {
        codeStep = new LoginDialog(console.client(), &w);
        codeStep->fill(p.value(QStringLiteral("email")), QString(), false);
        codeStep->showCodeStep(QStringLiteral("screenshot"));
        codeStep->open();
        QTimer::singleShot(kPaintMs, &app,
            [&] { shoot(out.filePath(QStringLiteral("login-mfa.png")), &app, [] { QCoreApplication::quit(); }); });
    };
    std::function<void()> shootMfaSetup = [&] {
        SignInSettings *page = w.settings()->signIn();
        if (auto *setUp = page->findChild<QPushButton *>(QStringLiteral("signInFactorSetUp")))
            setUp->click();
        QTimer::singleShot(2 * kPaintMs, &app, [&] {
            shoot(out.filePath(QStringLiteral("mfa-setup.png")), &app, [&] {
                if (MfaSetupDialog *dialog = w.settings()->signIn()->setupDialog())
                    dialog->reject();
                shootLoginMfa();
            });
        });
    };
    std::function<void()> shootSignIn = [&] {
        if (console.newCompanyDialog())
            console.newCompanyDialog()->reject();
        w.showSettings();
        SignInSettings *page = w.settings()->signIn();
        w.settings()->tabs()->setCurrentWidget(page);
        page->refresh();
        QTimer::singleShot(2 * kPaintMs, &app,
            [&] { shoot(out.filePath(QStringLiteral("settings-signin.png")), &app, shootMfaSetup); });
    };
    std::function<void()> shootNewCompany = [&] {
        console.showNewCompany();
        console.newCompanyDialog()->fill({QStringLiteral("Outfitters EU"), true, QStringLiteral("Noor Admin"),
            QStringLiteral("noor+eu@example.com"), QString()});
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("new-company.png")), &app, shootSignIn); });
    };
    // The conversation again with AI help: the customer's last message translated beside the
    // original and a draft in the reply box (to edit; never sent by itself).
    std::function<void()> shootAssist = [&] {
        ConversationView *conversation = w.conversation();
        w.openConversation(wanted.isEmpty() ? conversation->sessionId() : wanted);
        AssistPanel *assist = conversation->assist();
        QObject::connect(
            assist, &AssistPanel::answered, &app,
            [&, assist] {
                QObject::connect(
                    assist, &AssistPanel::answered, &app,
                    [&] {
                        QTimer::singleShot(kPaintMs, &app,
                            [&] { shoot(out.filePath(QStringLiteral("conversation-ai.png")), &app, shootNewCompany); });
                    },
                    Qt::SingleShotConnection);
                assist->draft();
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(kPaintMs, &app, [assist] { assist->translateCustomer(); });
    };
    // Settings > AI providers: a local model server and a cloud provider, the local one tested.
    std::function<void()> shootAiProviders = [&] {
        AiProvidersSettings *page = w.settings()->aiProviders();
        w.settings()->tabs()->setCurrentWidget(page);
        if (auto *table = page->findChild<QTableView *>(QStringLiteral("aiProvidersTable")))
            table->selectRow(page->model().rowOf(QStringLiteral("llama-local")));
        if (auto *model = page->findChild<QLineEdit *>(QStringLiteral("aiProviderTestModel")))
            model->setText(QStringLiteral("llama3.1:8b"));
        QObject::connect(
            page, &AiProvidersSettings::tested, &app,
            [&] {
                QTimer::singleShot(
                    kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("settings-ai.png")), &app, shootAssist); });
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(kPaintMs, &app, [page] {
            if (auto *test = page->findChild<QPushButton *>(QStringLiteral("aiProviderTest")))
                test->click();
        });
    };
    // Settings > Notifications: the weekly summary asked for (saved on the server).
    std::function<void()> shootNotifications = [&] {
        NotificationsSettings *page = w.settings()->notifications();
        w.settings()->tabs()->setCurrentWidget(page);
        QObject::connect(
            page, &NotificationsSettings::saved, &app,
            [&] {
                QTimer::singleShot(kPaintMs, &app,
                    [&] { shoot(out.filePath(QStringLiteral("settings-notifications.png")), &app, shootAiProviders); });
            },
            Qt::SingleShotConnection);
        if (!page->weeklySummary()->isChecked())
            page->weeklySummary()->click();
        else
            emit page->saved(true);
    };
    // Settings > Canned responses: the replies supervisors keep, with their placeholders.
    std::function<void()> shootCanned = [&] {
        w.settings()->tabs()->setCurrentWidget(w.settings()->cannedResponses());
        if (auto *table = w.settings()->cannedResponses()->findChild<QTableView *>())
            table->selectRow(0);
        QTimer::singleShot(kPaintMs, &app,
            [&] { shoot(out.filePath(QStringLiteral("settings-canned.png")), &app, shootNotifications); });
    };
    std::function<void()> shootTokens = [&] {
        QTabWidget *tabs = w.settings()->tabs();
        tabs->setCurrentWidget(w.settings()->tokens());
        if (auto *name = w.settings()->tokens()->findChild<QLineEdit *>(QStringLiteral("tokenName")))
            name->setText(QStringLiteral("Web chat backend"));
        if (auto *create = w.settings()->tokens()->findChild<QPushButton *>(QStringLiteral("tokenCreate")))
            create->click();
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("settings-tokens.png")), &app, shootCanned); });
    };
    std::function<void()> shootSettings = [&] {
        w.showSettings();
        w.settings()->tabs()->setCurrentWidget(w.settings()->agents());
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("settings.png")), &app, shootTokens); });
    };
    // A larger model tried before it is saved: the what-if's "Model replies" tab, the guard's verdicts.
    std::function<void()> shootModelTrial = [&] {
        ConfigView *config = w.configuration();
        if (auto *aiRep = qobject_cast<QLineEdit *>(config->form().field(QStringLiteral("ai.models.aiRep")))) {
            aiRep->setText(QStringLiteral("llama3.1:70b"));
            Q_EMIT aiRep->textEdited(aiRep->text());
        }
        QObject::connect(
            config, &ConfigView::simulated, &app,
            [&] {
                QTimer::singleShot(kPaintMs, &app, [&] {
                    shoot(out.filePath(QStringLiteral("config-trial.png")), &app, [&] {
                        w.configuration()->revert();
                        shootSettings();
                    });
                });
            },
            Qt::SingleShotConnection);
        config->simulate();
    };
    // The configuration's AI section: which provider and models word the AI tiers' replies.
    std::function<void()> shootConfigAi = [&] {
        ConfigView *config = w.configuration();
        config->revert();
        if (auto *scroll = config->findChild<QScrollArea *>(QStringLiteral("configScroll")))
            if (QWidget *section = config->findChild<QWidget *>(QStringLiteral("section_ai")))
                scroll->verticalScrollBar()->setValue(section->y()); // the section at the top, not scrolled sideways
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("config-ai.png")), &app, shootModelTrial); });
    };
    // Who may call the company's numbers: a number typed in (not saved) with neither the trunk's addresses
    // nor digest credentials set shows the warning that anyone may.
    std::function<void()> shootConfigCalls = [&] {
        ConfigView *config = w.configuration();
        if (auto *numbers = qobject_cast<QPlainTextEdit *>(config->form().field(QStringLiteral("voice.numbers"))))
            numbers->setPlainText(QStringLiteral("+15550100"));
        QTimer::singleShot(kPaintMs, &app, [&, config] { // once the warning is laid out
            if (auto *scroll = config->findChild<QScrollArea *>(QStringLiteral("configScroll")))
                if (QWidget *warning = config->findChild<QWidget *>(QStringLiteral("openCallsWarning")))
                    scroll->ensureWidgetVisible(warning, 0, 16);
            QTimer::singleShot(
                kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("config-calls.png")), &app, shootConfigAi); });
        });
    };
    // The company's business hours in the configuration (the SLA clocks count only these).
    std::function<void()> shootConfigHours = [&] {
        ConfigView *config = w.configuration();
        if (auto *scroll = config->findChild<QScrollArea *>(QStringLiteral("configScroll")))
            if (auto *hours = config->findChild<BusinessHoursEditor *>())
                scroll->ensureWidgetVisible(hours, 0, 0);
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("config-hours.png")), &app, shootConfigCalls); });
    };
    // The company's customers as an admin sees them: one chosen, with their attributes and conversations.
    // Shot before the configuration page loads (in German that page holds the window wider than the screen).
    std::function<void(std::function<void()>)> shootCustomers = [&](std::function<void()> then) {
        w.showCustomers();
        QTimer::singleShot(kPaintMs, &app, [&, then] {
            CustomersView *customers = w.customers();
            if (auto *table = customers->findChild<QTableView *>(QStringLiteral("customersTable")))
                table->selectRow(qMax(0, customers->model().rowOf(QStringLiteral("cust_alice"))));
            QTimer::singleShot(
                kPaintMs, &app, [&, then] { shoot(out.filePath(QStringLiteral("customers.png")), &app, then); });
        });
    };
    // Settings > Connectors as the admin sees them: the company's shop, Stripe and CRM; the shop tested for an
    // order, its last calls. Shot before the configuration page loads, as the customers are.
    std::function<void(std::function<void()>)> shootConnectors = [&](std::function<void()> then) {
        ConnectorsSettings *page = w.settings()->connectors();
        QObject::connect(
            page, &ConnectorsSettings::loaded, &app,
            [&, page, then] {
                w.settings()->tabs()->setCurrentWidget(page);
                page->select(QStringLiteral("shop"));
                if (auto *purpose = page->findChild<QComboBox *>(QStringLiteral("connectorTestPurpose")))
                    purpose->setCurrentIndex(qMax(0, purpose->findData(QStringLiteral("order"))));
                page->setTestInput(QStringLiteral("orderId"), QStringLiteral("ORD-10005"));
                QObject::connect(
                    page, &ConnectorsSettings::tested, &app,
                    [&, page, then] {
                        QObject::connect(
                            page, &ConnectorsSettings::callsLoaded, &app,
                            [&, then] {
                                QTimer::singleShot(kPaintMs, &app,
                                    [&, then] { shoot(out.filePath(QStringLiteral("connectors.png")), &app, then); });
                            },
                            Qt::SingleShotConnection);
                    },
                    Qt::SingleShotConnection);
                QTimer::singleShot(kPaintMs, &app, [page] { page->test(); });
            },
            Qt::SingleShotConnection);
        w.showSettings();
    };
    // An admin's configuration page: a new irate keyword that escalates at once, tried with "What if…".
    std::function<void()> shootConfig = [&] {
        const QString adminToken = p.value(QStringLiteral("admin-token"));
        if (adminToken.isEmpty())
            return QCoreApplication::quit();
        ApiClient &client = console.client();
        client.setToken(adminToken.toUtf8());
        QObject::connect(
            &client, &ApiClient::agentChanged, &app,
            [&] {
                ConfigView *config = w.configuration();
                QObject::connect(
                    config, &ConfigView::loaded, &app,
                    [&, config] {
                        if (auto *keywords = qobject_cast<QPlainTextEdit *>(
                                config->form().field(QStringLiteral("irateProtocol.triggerKeywords"))))
                            keywords->setPlainText(keywords->toPlainText() + QStringLiteral("\nthird time"));
                        if (auto *attempts = qobject_cast<QSpinBox *>(
                                config->form().field(QStringLiteral("irateProtocol.autoEscalate.afterAttempts"))))
                            attempts->setValue(1);
                        config->simulate();
                    },
                    Qt::SingleShotConnection);
                QObject::connect(
                    config, &ConfigView::simulated, &app,
                    [&] {
                        QTimer::singleShot(kPaintMs, &app,
                            [&] { shoot(out.filePath(QStringLiteral("config.png")), &app, shootConfigHours); });
                    },
                    Qt::SingleShotConnection);
                shootCustomers([&] { shootConnectors([&] { w.showConfiguration(); }); });
            },
            Qt::SingleShotConnection);
        client.me();
    };
    // The supervisor's live desk: queues, the team and who holds what.
    std::function<void()> shootSupervisor = [&] {
        w.showSupervisor();
        QTimer::singleShot(
            2 * kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("supervisor.png")), &app, shootConfig); });
    };
    // Analytics of the last 30 days, as a supervisor sees them.
    std::function<void()> shootAnalytics = [&] {
        w.showAnalytics();
        QTimer::singleShot(
            3 * kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("analytics.png")), &app, shootSupervisor); });
    };
    // The knowledge base, searched as an agent would and an article open.
    std::function<void()> shootKnowledge = [&] {
        w.showKnowledge();
        if (auto *search = w.knowledge()->findChild<QLineEdit *>(QStringLiteral("kbSearch")))
            search->setText(QStringLiteral("app crashes"));
        QTimer::singleShot(kPaintMs, &app, [&] {
            if (auto *table = w.knowledge()->findChild<QTableView *>(QStringLiteral("kbTable")))
                table->selectRow(0);
            QTimer::singleShot(
                kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("knowledge.png")), &app, shootAnalytics); });
        });
    };
    auto shootConversation = [&] {
        const QString id
            = w.queueModel().rowCount() > 0 && wanted.isEmpty() ? w.queueView()->currentSessionId() : wanted;
        QTextStream(stdout) << "opening " << id << Qt::endl;
        w.openConversation(id);
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("conversation.png")), &app, shootKnowledge); });
    };
    // The snoozed conversations, each with when it comes back; then the waiting ones again.
    auto shootSnoozed = [&] {
        w.queueView()->setShowSnoozed(true);
        QTimer::singleShot(kPaintMs, &app, [&] {
            shoot(out.filePath(QStringLiteral("queue-snoozed.png")), &app, [&] {
                w.queueView()->setShowSnoozed(false);
                shootConversation();
            });
        });
    };
    bool started = false;
    auto shootQueue = [&] {
        if (std::exchange(started, true))
            return;
        poll.stop();
        if (!wanted.isEmpty())
            w.queueView()->selectSession(wanted);
        else
            w.queueView()->selectNext(1);
        QTimer::singleShot(
            kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("queue.png")), &app, shootSnoozed); });
    };
    QObject::connect(&w, &MainWindow::queueLoaded, &app, shootQueue);
    // A server without the queue route never loads one: go on after a while.
    QObject::connect(&console, &ConsoleApp::signedIn, &app, [&] { QTimer::singleShot(5000, &app, shootQueue); });
    QTimer::singleShot(90000, &app, [] {
        QTextStream(stderr) << "screenshot driver: timed out" << Qt::endl;
        QCoreApplication::exit(1);
    });
    return QApplication::exec();
}
