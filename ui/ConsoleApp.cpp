#include "ui/ConsoleApp.h"

#include "ui/EngineController.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QTextStream>

namespace tierdesk::ui {

int runConsole(int &argc, char **argv, const QString &dataDir)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "tierdesk: no display found; run 'tierdesk serve' for the headless server" << Qt::endl;
        return 1;
    }
    QApplication app(argc, argv);
    MainWindow window;
    EngineController engine;
    QObject::connect(&engine, &EngineController::started, &window, &MainWindow::showStarted);
    QObject::connect(&engine, &EngineController::failed, &window, &MainWindow::showFailed);
    QObject::connect(&engine, &EngineController::sessionEvent, &window, &MainWindow::addEvent);
    const quint16 port = static_cast<quint16>(qEnvironmentVariableIntValue("TIERDESK_PORT"));
    engine.start(dataDir, port ? port : 8080);
    window.show();
    return QApplication::exec();
}

} // namespace tierdesk::ui
