#pragma once

#include <QHash>
#include <QStringList>

// The command line of DESIGN.md. Exit codes: 0 ok, 1 runtime error, 2 usage error.
namespace tierdesk::cli {

struct Args
{
    QString command;          // "", "serve", "demo seed", "company create", "token create"
    QHash<QString, QString> options; // --name value
    QStringList flags;        // --no-rate-limit
    QString dataDir;
};

// Parses argv (without the program name). On a usage problem returns false and sets *error.
bool parse(const QStringList &argv, Args *out, QString *error);
QString usage();

int runServe(const Args &args);
int runDemoSeed(const Args &args);
int runCompanyCreate(const Args &args);
int runTokenCreate(const Args &args);

} // namespace tierdesk::cli
