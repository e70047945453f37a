#include "app/Cli.h"

#include <QHash>

namespace tierdesk::cli {
namespace {

// Options that take a value, per command; anything else is a usage error.
const QHash<QString, QStringList> &valueOptions()
{
    static const QHash<QString, QStringList> options{
        {QString(), {}},
        {QStringLiteral("serve"), {QStringLiteral("host"), QStringLiteral("port")}},
        {QStringLiteral("demo seed"), {}},
        {QStringLiteral("company create"), {QStringLiteral("name")}},
        {QStringLiteral("token create"), {QStringLiteral("company"), QStringLiteral("role"), QStringLiteral("ttl"),
                                          QStringLiteral("subject"), QStringLiteral("customer")}},
    };
    return options;
}

const QHash<QString, QStringList> &flagOptions()
{
    static const QHash<QString, QStringList> flags{
        {QStringLiteral("serve"), {QStringLiteral("no-rate-limit"), QStringLiteral("demo")}},
    };
    return flags;
}

} // namespace

QString usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  tierdesk                                  console (GUI); starts the embedded server too\n"
        "  tierdesk serve [--host H] [--port P] [--no-rate-limit] [--demo]\n"
        "                                            headless: engine + REST + WebSocket only;\n"
        "                                            --demo seeds the demo store and prints a ready token\n"
        "  tierdesk demo seed                        idempotent demo data; prints JSON\n"
        "  tierdesk company create --name NAME       prints the new company's id\n"
        "  tierdesk token create --company ID --role ROLE [--ttl SECONDS] [--subject NAME]\n"
        "                                            prints a JWT; ROLE is client, agent, supervisor or admin\n"
        "Common options: --data-dir DIR (or TIERDESK_DATA_DIR), --version, --help\n"
        "Exit codes: 0 ok, 1 runtime error, 2 usage error.\n");
}

bool parse(const QStringList &argv, Args *out, QString *error)
{
    QStringList positional;
    QHash<QString, QString> values;
    QStringList flags;
    for (int i = 0; i < argv.size(); ++i) {
        const QString arg = argv.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            positional << arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = eq >= 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        const bool takesValue = name == QLatin1String("data-dir") || name == QLatin1String("host")
                                || name == QLatin1String("port") || name == QLatin1String("name")
                                || name == QLatin1String("company") || name == QLatin1String("role")
                                || name == QLatin1String("ttl") || name == QLatin1String("subject")
                                || name == QLatin1String("customer");
        if (takesValue && !inlineValue) {
            if (i + 1 >= argv.size()) {
                *error = QStringLiteral("--%1 needs a value").arg(name);
                return false;
            }
            value = argv.at(++i);
        }
        if (takesValue)
            values.insert(name, value);
        else
            flags << name;
    }
    out->command = positional.join(QLatin1Char(' '));
    if (!valueOptions().contains(out->command)) {
        *error = QStringLiteral("unknown command: ") + out->command;
        return false;
    }
    out->dataDir = values.take(QStringLiteral("data-dir"));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!valueOptions().value(out->command).contains(it.key())) {
            *error = QStringLiteral("unknown option --%1 for '%2'").arg(it.key(), out->command.isEmpty() ? QStringLiteral("tierdesk") : out->command);
            return false;
        }
    }
    for (const QString &f : flags) {
        if (!flagOptions().value(out->command).contains(f)) {
            *error = QStringLiteral("unknown option --") + f;
            return false;
        }
    }
    out->options = values;
    out->flags = flags;
    return true;
}

} // namespace tierdesk::cli
