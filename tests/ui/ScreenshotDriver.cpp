// Drives the real console for scripts/screenshots.sh (not a test): logs in to
// --server, waits for the queue, shoots it with ImageMagick's `import`, opens a
// conversation and shoots that. Runs under xvfb-run; waits are for painting.
#include "core/integrations/SecretStore.h"
#include "ui/ConsoleApp.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/KnowledgeView.h"
#include "ui/views/QueueView.h"
#include "ui/views/AgentsSettings.h"
#include "ui/views/SettingsView.h"
#include "ui/views/TokensSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTableView>
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
    QCommandLineParser p;
    for (const char *o : {"server", "email", "password", "open", "out"})
        p.addOption(QCommandLineOption(QString::fromLatin1(o), QString(), QStringLiteral("value")));
    p.process(app);
    const QDir out(p.value(QStringLiteral("out")));
    QTemporaryDir tokens;
    const QString tokenFile = tokens.filePath(QStringLiteral("t.json"));
    ConsoleApp console(std::make_unique<TokenStore>([tokenFile](QString *) {
        return std::unique_ptr<SecretStore>(new FileSecretStore(tokenFile));
    }));
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
    std::function<void()> shootTokens = [&] {
        QTabWidget *tabs = w.settings()->tabs();
        tabs->setCurrentWidget(w.settings()->tokens());
        if (auto *name = w.settings()->tokens()->findChild<QLineEdit *>(QStringLiteral("tokenName")))
            name->setText(QStringLiteral("Web chat backend"));
        if (auto *create = w.settings()->tokens()->findChild<QPushButton *>(QStringLiteral("tokenCreate")))
            create->click();
        QTimer::singleShot(kPaintMs, &app, [&] {
            shoot(out.filePath(QStringLiteral("settings-tokens.png")), &app, [] { QCoreApplication::quit(); });
        });
    };
    std::function<void()> shootSettings = [&] {
        w.showSettings();
        w.settings()->tabs()->setCurrentWidget(w.settings()->agents());
        QTimer::singleShot(kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("settings.png")), &app, shootTokens); });
    };
    // Analytics of the last 30 days, as supervisors and admins see them.
    std::function<void()> shootAnalytics = [&] {
        w.showAnalytics();
        QTimer::singleShot(3 * kPaintMs, &app, [&] {
            shoot(out.filePath(QStringLiteral("analytics.png")), &app, shootSettings);
        });
    };
    // The knowledge base, searched as an agent would and an article open.
    std::function<void()> shootKnowledge = [&] {
        w.showKnowledge();
        if (auto *search = w.knowledge()->findChild<QLineEdit *>(QStringLiteral("kbSearch")))
            search->setText(QStringLiteral("app crashes"));
        QTimer::singleShot(kPaintMs, &app, [&] {
            if (auto *table = w.knowledge()->findChild<QTableView *>(QStringLiteral("kbTable")))
                table->selectRow(0);
            QTimer::singleShot(kPaintMs, &app, [&] {
                shoot(out.filePath(QStringLiteral("knowledge.png")), &app, shootAnalytics);
            });
        });
    };
    auto shootConversation = [&] {
        const QString id = w.queueModel().rowCount() > 0 && wanted.isEmpty() ? w.queueView()->currentSessionId() : wanted;
        QTextStream(stdout) << "opening " << id << Qt::endl;
        w.openConversation(id);
        QTimer::singleShot(kPaintMs, &app, [&] {
            shoot(out.filePath(QStringLiteral("conversation.png")), &app, shootKnowledge);
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
        QTimer::singleShot(kPaintMs, &app, [&] { shoot(out.filePath(QStringLiteral("queue.png")), &app, shootConversation); });
    };
    QObject::connect(&w, &MainWindow::queueLoaded, &app, shootQueue);
    // A server without the queue route never loads one: go on after a while.
    QObject::connect(&console, &ConsoleApp::signedIn, &app, [&] { QTimer::singleShot(5000, &app, shootQueue); });
    QTimer::singleShot(60000, &app, [] {
        QTextStream(stderr) << "screenshot driver: timed out" << Qt::endl;
        QCoreApplication::exit(1);
    });
    return QApplication::exec();
}
