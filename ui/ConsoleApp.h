#pragma once

#include "ui/EngineController.h"
#include "ui/MainWindow.h"

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace tierdesk::ui {

// The console's modal messages. A test sets a hook, which is called instead of
// showing the dialog (a modal dialog would block the test).
class ConsoleDialogs {
public:
    using Hook = std::function<void(const QString &title, const QString &text)>;
    static void setHook(Hook hook);
    static void critical(QWidget *parent, const QString &title, const QString &text);
};

// The console: the window and the engine thread behind it, wired together.
class ConsoleApp : public QObject {
    Q_OBJECT

public:
    explicit ConsoleApp(QObject *parent = nullptr);
    MainWindow &window() { return m_window; }
    void start(const QString &dataDir, quint16 port);

signals:
    // The console cannot go on (the data directory is in use): leave with
    // `code`; `why` is the one-line reason.
    void exitRequested(int code, const QString &why);

private:
    MainWindow m_window;
    EngineController m_engine;
};

// Starts the Qt Widgets console with the engine and embedded server on their
// own thread. Returns the process exit code.
int runConsole(int &argc, char **argv, const QString &dataDir);

} // namespace tierdesk::ui
