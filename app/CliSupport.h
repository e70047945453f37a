#pragma once

#include "app/Cli.h"
#include "core/common/Result.h"
#include "core/engine/pipeline/Actor.h"
#include "core/runtime/Runtime.h"

#include <QTextStream>

#include <memory>

// What every headless command uses: its output streams, the runtime of the data
// directory, the actor it acts as, and how errors become exit codes.
namespace tierdesk::cli {

QTextStream &out();
// Prints "tierdesk: message" on stderr and returns `code`.
int fail(int code, const QString &message);
// Exit code 2 (usage) is for input the command line got wrong; the engine's
// reasons (a missing company and the like) are facts of the data (exit code 1).
bool usage(const Error &e);
QString dataDir(const Args &args);
// --database, else TIERDESK_DATABASE_URL; empty for the data directory's SQLite file.
QString databaseUrl(const Args &args);
// The runtime of the data directory, or nullptr with *exitCode set (the reason printed).
std::unique_ptr<api::Runtime> openRuntime(const Args &args, int *exitCode);
// One line of standard input (--password-stdin, --api-key-stdin), without its line ending.
QString readLineFromStdin();

inline const Actor kCliActor{QStringLiteral("cli"), QStringLiteral("admin"), QStringLiteral("local")};

} // namespace tierdesk::cli
