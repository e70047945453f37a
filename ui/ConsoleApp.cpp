#include "ui/ConsoleApp.h"

#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

namespace tierdesk::ui {
namespace {

ConsoleDialogs::Hook &dialogHook()
{
    static ConsoleDialogs::Hook hook;
    return hook;
}

} // namespace

void ConsoleDialogs::setHook(Hook hook)
{
    dialogHook() = std::move(hook);
}

void ConsoleDialogs::critical(QWidget *parent, const QString &title, const QString &text)
{
    if (dialogHook()) {
        dialogHook()(title, text);
        return;
    }
    QMessageBox::critical(parent, title, text);
}

ConsoleApp::ConsoleApp(QObject *parent) : QObject(parent)
{
    connect(&m_engine, &EngineController::started, &m_window, &MainWindow::showStarted);
    connect(&m_engine, &EngineController::failed, &m_window, &MainWindow::showFailed);
    connect(&m_engine, &EngineController::sessionEvent, &m_window, &MainWindow::addEvent);
    // A second console on the same data directory would deliver every event
    // twice: say who has it, then leave.
    connect(&m_engine, &EngineController::dataDirInUse, this, [this](const QString &message) {
        ConsoleDialogs::critical(&m_window, tr("Tierdesk is already running"), message);
        emit exitRequested(1, message);
    });
}

void ConsoleApp::start(const QString &dataDir, quint16 port)
{
    m_engine.start(dataDir, port);
}

int runConsole(int &argc, char **argv, const QString &dataDir)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "tierdesk: no display found; run 'tierdesk serve' for the headless server" << Qt::endl;
        return 1;
    }
    QApplication app(argc, argv);
    ConsoleApp console;
    QObject::connect(&console, &ConsoleApp::exitRequested, &app, [](int code, const QString &why) {
        QTextStream(stderr) << "tierdesk: " << why << Qt::endl;
        QCoreApplication::exit(code);
    });
    const quint16 port = static_cast<quint16>(qEnvironmentVariableIntValue("TIERDESK_PORT"));
    console.start(dataDir, port ? port : 8080);
    console.window().show();
    return QApplication::exec();
}

} // namespace tierdesk::ui
