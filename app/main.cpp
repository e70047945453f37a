#include "app/Cli.h"
#include "ui/ConsoleApp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>

using namespace tierdesk;

int main(int argc, char *argv[])
{
    QStringList argv_;
    for (int i = 1; i < argc; ++i)
        argv_ << QString::fromLocal8Bit(argv[i]);
    if (argv_.contains(QStringLiteral("--help")) || argv_.contains(QStringLiteral("-h"))) {
        QTextStream(stdout) << cli::usage();
        return 0;
    }
    if (argv_.contains(QStringLiteral("--version"))) {
        QTextStream(stdout) << "tierdesk " << TIERDESK_VERSION << Qt::endl;
        return 0;
    }
    cli::Args args;
    QString error;
    if (!cli::parse(argv_, &args, &error)) {
        QTextStream(stderr) << "tierdesk: " << error << " (see tierdesk --help)" << Qt::endl;
        return 2;
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Tierdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("tierdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIERDESK_VERSION));
    if (args.command.isEmpty()) {
        ui::ConsoleOptions options;
        options.dataDir = args.dataDir;
        options.server = QUrl(args.options.value(QStringLiteral("server")));
        options.portGiven = args.options.contains(QStringLiteral("port"));
        if (options.portGiven)
            options.port = static_cast<quint16>(args.options.value(QStringLiteral("port")).toUInt());
        return ui::runConsole(argc, argv, options);
    }

    QCoreApplication app(argc, argv);
    if (args.command == QLatin1String("serve"))
        return cli::runServe(args);
    if (args.command == QLatin1String("demo seed"))
        return cli::runDemoSeed(args);
    if (args.command == QLatin1String("company create"))
        return cli::runCompanyCreate(args);
    if (args.command == QLatin1String("agent create"))
        return cli::runAgentCreate(args);
    if (args.command == QLatin1String("smtp password"))
        return cli::runSmtpPassword(args);
    if (args.command == QLatin1String("db check"))
        return cli::runDbCheck(args);
    if (args.command == QLatin1String("db password"))
        return cli::runDbPassword(args);
    if (args.command == QLatin1String("secrets export"))
        return cli::runSecretsExport(args);
    if (args.command == QLatin1String("secrets import"))
        return cli::runSecretsImport(args);
    if (args.command == QLatin1String("db migrate"))
        return cli::runDbMigrate(args);
    if (args.command == QLatin1String("db backup"))
        return cli::runDbBackup(args);
    if (args.command == QLatin1String("db copy"))
        return cli::runDbCopy(args);
    if (args.command == QLatin1String("nlu train"))
        return cli::runNluTrain(args);
    if (args.command == QLatin1String("nlu eval"))
        return cli::runNluEval(args);
    if (args.command == QLatin1String("kb import"))
        return cli::runKbImport(args);
    if (args.command == QLatin1String("customers import"))
        return cli::runCustomersImport(args);
    if (args.command == QLatin1String("customers erase"))
        return cli::runCustomersErase(args);
    if (args.command.startsWith(QLatin1String("ai provider ")))
        return cli::runAiProvider(args);
    if (args.command.startsWith(QLatin1String("connector ")))
        return cli::runConnector(args);
    if (args.command.startsWith(QLatin1String("channel ")))
        return cli::runChannel(args);
    if (args.command == QLatin1String("mail deliver"))
        return cli::runMailDeliver(args);
    if (args.command == QLatin1String("sentiment eval"))
        return cli::runSentimentEval(args);
    if (args.command == QLatin1String("voice say"))
        return cli::runVoiceSay(args);
    if (args.command == QLatin1String("voice hear"))
        return cli::runVoiceHear(args);
    return cli::runTokenCreate(args);
}
