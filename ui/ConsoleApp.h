#pragma once

#include <QString>

namespace tierdesk::ui {

// Starts the Qt Widgets console with the engine and embedded server on their
// own thread. Returns the process exit code.
int runConsole(int &argc, char **argv, const QString &dataDir);

} // namespace tierdesk::ui
