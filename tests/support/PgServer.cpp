#include "tests/support/PgServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace tierdesk::test {
namespace {

constexpr const char *kUser = "tierdesk"; // the cluster's superuser

QString findBinDir()
{
    const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &v : versions) {
        const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        if (QFile::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    return {};
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// The files the server writes must be the postgres account's when we run as root.
bool giveTo(const QString &path, const passwd *owner)
{
    return ::chown(QFile::encodeName(path).constData(), owner->pw_uid, owner->pw_gid) == 0;
}

// Servers of test processes that died without stopping theirs (a crash, a kill): each
// directory names its owner's pid; those whose owner is gone are stopped and removed.
void stopOrphans(const QString &pgCtl, bool asRoot)
{
    const QDir tmp(QDir::tempPath());
    for (const QString &name : tmp.entryList({QStringLiteral("tierdesk-pg-*")}, QDir::Dirs)) {
        const QString dir = tmp.filePath(name);
        QFile owner(dir + QStringLiteral("/owner"));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const qint64 pid = owner.readAll().trimmed().toLongLong();
        if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
            continue;
        QStringList command{pgCtl, QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-m"),
            QStringLiteral("immediate"), QStringLiteral("stop")};
        if (asRoot)
            command = QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                          QStringLiteral("--")}
                + command;
        QProcess::execute(command.first(), command.mid(1));
        QDir(dir).removeRecursively();
    }
}

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer()
{
    if (m_running)
        stop(true);
}

PgServer &PgServer::shared()
{
    static PgServer server;
    if (!server.running()) {
        QString error;
        if (!server.start(&error))
            qFatal("cannot start the tests' PostgreSQL server: %s", qPrintable(error));
    }
    return server;
}

bool PgServer::wanted()
{
    return qEnvironmentVariable("TIERDESK_TEST_DATABASE") == QLatin1String("postgresql");
}

QString PgServer::bin(const QString &tool) const
{
    return m_binDir + QLatin1Char('/') + tool;
}

QStringList PgServer::asServerUser(const QString &program, const QStringList &args) const
{
    if (!m_asRoot)
        return QStringList{program} + args;
    return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
               QStringLiteral("--"), program}
    + args;
}

bool PgServer::run(const QStringList &command, QString *error, QString *output) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(command.first(), command.mid(1));
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = command.join(QLatin1Char(' ')) + QStringLiteral(": ")
                + QString::fromLocal8Bit(p.readAll()).trimmed() + p.errorString();
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return true;
}

bool PgServer::start(QString *error)
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        *error = QStringLiteral("no PostgreSQL in /usr/lib/postgresql (scripts/install-deps.sh installs it)");
        return false;
    }
    m_asRoot = ::geteuid() == 0;
    const passwd *postgres = m_asRoot ? ::getpwnam("postgres") : nullptr;
    if (m_asRoot && !postgres) {
        *error = QStringLiteral("running as root and there is no postgres account to run the server as");
        return false;
    }
    stopOrphans(bin(QStringLiteral("pg_ctl")), m_asRoot);
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/tierdesk-pg-XXXXXX"));
    if (!m_dir->isValid() || (m_asRoot && !giveTo(m_dir->path(), postgres))) {
        *error = QStringLiteral("cannot make a directory for the server");
        return false;
    }
    QFile owner(m_dir->filePath(QStringLiteral("owner")));
    if (!owner.open(QIODevice::WriteOnly) || owner.write(QByteArray::number(QCoreApplication::applicationPid())) <= 0) {
        *error = QStringLiteral("cannot write the server's owner file");
        return false;
    }
    owner.close();
    m_password = QString::number(QRandomGenerator::global()->generate64(), 36);
    const QString pwFile = m_dir->filePath(QStringLiteral("pw"));
    QFile pw(pwFile);
    if (!pw.open(QIODevice::WriteOnly) || pw.write(m_password.toUtf8()) < 0 || !pw.flush()) {
        *error = QStringLiteral("cannot write the password file");
        return false;
    }
    pw.close();
    if (m_asRoot)
        giveTo(pwFile, postgres);
    if (!run(asServerUser(bin(QStringLiteral("initdb")),
                 {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-U"),
                     QString::fromLatin1(kUser), QStringLiteral("--pwfile=") + pwFile,
                     QStringLiteral("--auth=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                     QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")}),
            error))
        return false;
    QFile::remove(pwFile);
    return restart(error);
}

bool PgServer::restart(QString *error)
{
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freePort();
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off"
                                               " -c full_page_writes=off -c max_connections=200")
                                    .arg(m_port)
                                    .arg(m_dir->path());
        m_running = run(asServerUser(bin(QStringLiteral("pg_ctl")),
                            {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-o"),
                                options, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("log")),
                                QStringLiteral("-w"), QStringLiteral("start")}),
            error);
    }
    return m_running;
}

bool PgServer::stop(bool immediate)
{
    if (!m_running)
        return true;
    QString error;
    const bool stopped = run(asServerUser(bin(QStringLiteral("pg_ctl")),
                                 {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                                     immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
                                     QStringLiteral("-w"), QStringLiteral("stop")}),
        &error);
    if (!stopped)
        qWarning("%s", qPrintable(error));
    m_running = !stopped;
    return stopped;
}

QString PgServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(QString::fromLatin1(kUser), m_password)
        .arg(m_port)
        .arg(database);
}

QString PgServer::createDatabase(QString *error)
{
    const QString name = QStringLiteral("t%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_databases);
    QString why;
    if (!psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE ") + name, nullptr, &why)) {
        if (error)
            *error = why;
        return {};
    }
    return url(name);
}

bool PgServer::psql(const QString &database, const QString &sql, QString *output, QString *error) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), m_password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(m_port), QStringLiteral("-U"), QString::fromLatin1(kUser), QStringLiteral("-d"), database,
            QStringLiteral("-c"), sql});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + p.errorString();
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return true;
}

} // namespace tierdesk::test
