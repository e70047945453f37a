#pragma once

#include <QHash>
#include <QStringList>

// The command line of DESIGN.md. Exit codes: 0 ok, 1 runtime error, 2 usage error.
namespace tierdesk::cli {

// A token lives at most a leap year.
inline constexpr qint64 kMaxTtlSecs = 366LL * 86400;

struct Args {
    QString
        command; // "", "serve", "demo seed", "company create", "token create", "agent create", "db check", "db backup"
    QHash<QString, QString> options; // --name value, each validated and given once
    QStringList flags; // --no-rate-limit
    QStringList arguments; // what follows the command's name (db backup PATH)
    QString dataDir;
    QString database; // --database URL (team mode); empty: TIERDESK_DATABASE_URL, else SQLite
};

// Parses argv (without the program name) and validates every option. On a
// usage problem returns false and sets *error to one line.
bool parse(const QStringList &argv, Args *out, QString *error);
QString usage();

int runServe(const Args &args);
int runDemoSeed(const Args &args);
int runCompanyCreate(const Args &args);
int runTokenCreate(const Args &args);
int runAgentCreate(const Args &args);
int runSmtpPassword(const Args &args);
int runDbCheck(const Args &args);
int runDbBackup(const Args &args);
int runDbMigrate(const Args &args);
int runDbCopy(const Args &args);
int runSecretsExport(const Args &args);
int runSecretsImport(const Args &args);
int runDbPassword(const Args &args);
int runNluTrain(const Args &args);
int runNluEval(const Args &args);
int runSentimentEval(const Args &args);
int runKbImport(const Args &args);
int runCustomersImport(const Args &args); // customers import FILE --company ID [--dry-run]
int runCustomersErase(const Args &args); // customers erase ID --company ID
int runAiProvider(const Args &args); // ai provider add | list | remove | test
int runConnector(const Args &args); // connector add | list | remove | test
int runChannel(const Args &args); // channel email | twilio set | show | remove
int runMailDeliver(const Args &args); // mail deliver
int runVoiceSay(const Args &args); // voice say TEXT --out FILE.wav [--voice slt|rms] [--pad-ms N]
int runVoiceHear(const Args &args); // voice hear FILE [--digits] [--json]

} // namespace tierdesk::cli
