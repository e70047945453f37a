#include "tests/support/DovecotServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tierdesk::test {
namespace {

constexpr const char *kDovecot = "/usr/sbin/dovecot";
constexpr int kCannotDropPrivileges = 126; // the child's exit code when it cannot become the user
constexpr int kPasswordChars = 24;

// Dovecot as root would run its login processes chrooted and its mail processes as the
// users' own accounts; as an ordinary user every process is that user, which a test wants. Run
// by root, Dovecot runs as nobody instead (its directory is nobody's), and the login services get
// `chroot =` (chroot needs root). PR_SET_PDEATHSIG is set after the user changes (changing it
// clears the setting), so a test that dies takes its server with it.
const char *kConfig = R"(# One test's Dovecot (tests/support/DovecotServer.cpp).
base_dir = @DIR@/run
state_dir = @DIR@/state
instance_name = tierdesk-test-@PORT@
log_path = @DIR@/dovecot.log
protocols = imap
listen = 127.0.0.1
@SSL@
disable_plaintext_auth = no
auth_mechanisms = @MECHANISMS@
auth_failure_delay = 0
default_internal_user = @USER@
default_internal_group = @GROUP@
default_login_user = @USER@
mail_uid = @UID@
mail_gid = @GID@
first_valid_uid = @UID@
last_valid_uid = @UID@
mail_location = maildir:@DIR@/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u @DIR@/users
  mechanisms = plain login
}
@OAUTH2@userdb {
  driver = passwd-file
  args = username_format=%u @DIR@/users
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = @PORT@
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = @TLSPORT@
  }
}
service anvil {
  chroot =
}
service auth-worker {
  user = $default_internal_user
}
)";

const char *kOAuth2Passdb = R"(passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = @DIR@/oauth2.conf.ext
}
)";

const char *kOAuth2Config = R"(introspection_mode = post
introspection_url = @URL@
username_attribute = username
active_attribute = active
active_value = true
)";

const char *kTlsSettings = R"(ssl = yes
ssl_cert = <@DIR@/cert.pem
ssl_key = <@DIR@/key.pem
)";
constexpr int kOpensslTimeoutMs = 60000;

// Two ports nobody listens on now (both probes held at once, so they differ).
QPair<quint16, quint16> freePorts()
{
    QTcpServer first;
    QTcpServer second;
    if (!first.listen(QHostAddress::LocalHost, 0) || !second.listen(QHostAddress::LocalHost, 0))
        return {};
    return {first.serverPort(), second.serverPort()};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Directories of test processes that died (their server died with them): each names its owner's pid.
void removeOrphans()
{
    const QDir tmp(QDir::tempPath());
    for (const QString &name : tmp.entryList({QStringLiteral("tierdesk-dovecot-*")}, QDir::Dirs)) {
        QFile owner(tmp.filePath(name) + QStringLiteral("/owner"));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const qint64 pid = owner.readAll().trimmed().toLongLong();
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            QDir(tmp.filePath(name)).removeRecursively();
    }
}

// pidfds of the processes whose parent is `parent` (a pidfd names its process even after the
// parent is gone and the pid is reused). Through syscall(): Debian 12's <sys/pidfd.h> lacks C linkage.
QList<int> childrenOf(qint64 parent)
{
    QList<int> pidfds;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        const auto parentOf = [&pid] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            const QByteArray text = stat.open(QIODevice::ReadOnly) ? stat.readAll() : QByteArray();
            // "pid (name) state ppid ...": the name may hold spaces and parentheses.
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
        };
        if (parentOf() != parent)
            continue;
        const int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid.toLongLong(), 0));
        if (fd >= 0 && parentOf() == parent)
            pidfds.append(fd);
        else if (fd >= 0)
            ::close(fd);
    }
    return pidfds;
}

// Sends SIGTERM to each process and waits until all have gone (or the time is up); closes the fds.
void terminateAll(const QList<int> &pidfds, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    for (const int fd : pidfds) {
        ::syscall(SYS_pidfd_send_signal, fd, SIGTERM, nullptr, 0);
        pollfd gone{fd, POLLIN, 0};
        ::poll(&gone, 1, static_cast<int>(qMax<qint64>(0, timeoutMs - clock.elapsed())));
        ::close(fd);
    }
}

} // namespace

DovecotServer::DovecotServer() = default;

DovecotServer::~DovecotServer()
{
    stop();
}

QString DovecotServer::path(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

QString DovecotServer::mailDir() const
{
    return path(QStringLiteral("mail/%1/Maildir").arg(user()));
}

QString DovecotServer::log() const
{
    QFile f(path(QStringLiteral("dovecot.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QUrl DovecotServer::url(const QString &mailbox) const
{
    QUrl u;
    u.setScheme(QStringLiteral("imap"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    if (!mailbox.isEmpty())
        u.setPath(QLatin1Char('/') + mailbox);
    return u;
}

bool DovecotServer::start(QString *error)
{
    if (!QFile::exists(QString::fromLatin1(kDovecot))) {
        *error = QStringLiteral("no %1 (scripts/install-deps.sh installs dovecot-imapd)").arg(QLatin1String(kDovecot));
        return false;
    }
    removeOrphans();
    m_asRoot = ::geteuid() == 0;
    const passwd *account = m_asRoot ? ::getpwnam("nobody") : ::getpwuid(::geteuid());
    const group *primary = account ? ::getgrgid(account->pw_gid) : nullptr;
    if (!account || !primary) {
        *error = QStringLiteral("no account to run Dovecot as (nobody when run by root)");
        return false;
    }
    m_uid = account->pw_uid;
    m_gid = account->pw_gid;
    m_userName = QString::fromLocal8Bit(account->pw_name);
    m_groupName = QString::fromLocal8Bit(primary->gr_name);
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/tierdesk-dovecot-XXXXXX"));
    if (!m_dir->isValid() || !writeFiles(error))
        return false;
    if (m_tls && !makeCertificate(error))
        return false;
    for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
        const auto ports = freePorts();
        m_port = ports.first;
        m_tlsPort = m_tls ? ports.second : 0;
        if (launch(error))
            return true;
        if (!error->contains(QLatin1String("Address already in use")))
            return false;
    }
    return false;
}

bool DovecotServer::writeFiles(QString *error)
{
    for (const QString &sub : {QStringLiteral("run"), QStringLiteral("state"), QStringLiteral("mail")}) {
        if (!QDir(m_dir->path()).mkpath(sub)) {
            *error = QStringLiteral("cannot make %1").arg(path(sub));
            return false;
        }
    }
    for (int i = 0; i < kPasswordChars; ++i)
        m_password.append("abcdefghijklmnopqrstuvwxyz0123456789"[QRandomGenerator::global()->bounded(36)]);
    const QByteArray users = user().toUtf8() + ":{PLAIN}" + m_password + "::::" + path(QStringLiteral("mail/")).toUtf8()
        + user().toUtf8() + "::\n";
    QByteArray oauth2 = QByteArray(kOAuth2Config).replace("@URL@", m_introspection.toEncoded());
    const bool written
        = writeFile(path(QStringLiteral("owner")), QByteArray::number(QCoreApplication::applicationPid()))
        && writeFile(path(QStringLiteral("users")), users) && writeFile(path(QStringLiteral("dovecot.log")), {})
        && (m_introspection.isEmpty() || writeFile(path(QStringLiteral("oauth2.conf.ext")), oauth2));
    if (!written)
        *error = QStringLiteral("cannot write Dovecot's files in %1").arg(m_dir->path());
    return written;
}

QString DovecotServer::certificate() const
{
    return path(QStringLiteral("cert.pem"));
}

bool DovecotServer::makeCertificate(QString *error)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), path(QStringLiteral("key.pem")), QStringLiteral("-out"), certificate()});
    if (openssl.waitForFinished(kOpensslTimeoutMs) && openssl.exitStatus() == QProcess::NormalExit
        && openssl.exitCode() == 0)
        return true;
    *error = QStringLiteral("openssl req could not make a certificate: %1 %2")
                 .arg(QString::fromLocal8Bit(openssl.readAll()), openssl.errorString());
    return false;
}

QString DovecotServer::config() const
{
    QString text = QString::fromLatin1(kConfig);
    text.replace(QLatin1String("@OAUTH2@"), m_introspection.isEmpty() ? QString() : QString::fromLatin1(kOAuth2Passdb));
    text.replace(QLatin1String("@MECHANISMS@"),
        m_introspection.isEmpty() ? QStringLiteral("plain login") : QStringLiteral("plain login xoauth2 oauthbearer"));
    text.replace(QLatin1String("@SSL@"), m_tls ? QString::fromLatin1(kTlsSettings) : QStringLiteral("ssl = no"));
    text.replace(QLatin1String("@DIR@"), m_dir->path());
    text.replace(QLatin1String("@PORT@"), QString::number(m_port));
    text.replace(QLatin1String("@TLSPORT@"), QString::number(m_tlsPort));
    text.replace(QLatin1String("@USER@"), m_userName);
    text.replace(QLatin1String("@GROUP@"), m_groupName);
    text.replace(QLatin1String("@UID@"), QString::number(m_uid));
    text.replace(QLatin1String("@GID@"), QString::number(m_gid));
    return text;
}

bool DovecotServer::launch(QString *error)
{
    const QString conf = path(QStringLiteral("dovecot.conf"));
    if (!writeFile(conf, config().toUtf8())) {
        *error = QStringLiteral("cannot write %1").arg(conf);
        return false;
    }
    if (m_asRoot) {
        // Everything Dovecot reads and writes is its user's, the test's own files too (an edited uidlist).
        bool owned = ::chown(QFile::encodeName(m_dir->path()).constData(), m_uid, m_gid) == 0;
        QDirIterator it(m_dir->path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            owned = ::lchown(QFile::encodeName(it.next()).constData(), m_uid, m_gid) == 0 && owned;
        if (!owned) {
            *error = QStringLiteral("cannot give %1 to %2").arg(m_dir->path(), m_userName);
            return false;
        }
    }
    const qint64 logOffset = QFileInfo(path(QStringLiteral("dovecot.log"))).size();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    const bool asRoot = m_asRoot;
    const uid_t uid = m_uid;
    const gid_t gid = m_gid;
    m_process->setChildProcessModifier([asRoot, uid, gid] {
        if (asRoot && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
            ::_exit(kCannotDropPrivileges);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    m_process->start(QString::fromLatin1(kDovecot), {QStringLiteral("-F"), QStringLiteral("-c"), conf});
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        *error = QStringLiteral("cannot run %1: %2").arg(QLatin1String(kDovecot), m_process->errorString());
        return false;
    }
    return waitUntilReady(logOffset, error);
}

// Dovecot's master binds its listeners before it logs "starting up"; then a connection is
// greeted once a login process runs. Waits on the log file's changes and the process's end.
bool DovecotServer::waitUntilReady(qint64 logOffset, QString *error)
{
    const QString logPath = path(QStringLiteral("dovecot.log"));
    QFileSystemWatcher watcher({logPath});
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&watcher, &QFileSystemWatcher::fileChanged, &loop, &QEventLoop::quit);
    QObject::connect(m_process.get(), &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(kStartTimeoutMs);
    const auto failed = [&](const QString &why) {
        *error = QStringLiteral("Dovecot %1 (port %2): %3\n%4")
                     .arg(why)
                     .arg(m_port)
                     .arg(QString::fromLocal8Bit(m_process->readAll()), log().mid(logOffset));
        stop();
        return false;
    };
    for (;;) {
        if (log().mid(logOffset).contains(QLatin1String("starting up")))
            return greeted(error) || failed(QStringLiteral("does not greet: ") + *error);
        if (!running()) {
            const bool dropped = m_process->exitCode() == kCannotDropPrivileges;
            return failed(dropped ? QStringLiteral("could not become %1").arg(m_userName) : QStringLiteral("exited"));
        }
        if (!deadline.isActive())
            return failed(QStringLiteral("did not start within %1 ms").arg(kStartTimeoutMs));
        loop.exec();
    }
}

bool DovecotServer::greeted(QString *error) const
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(kStartTimeoutMs)) {
        *error = socket.errorString();
        return false;
    }
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(kStartTimeoutMs)) {
            *error = socket.errorString();
            return false;
        }
    }
    return socket.readLine().startsWith("* OK");
}

bool DovecotServer::stop()
{
    if (!running())
        return true;
    // Dovecot's master ends its listeners and helpers, but a session's imap process lives on until
    // its client leaves (idle ones too): a stopped server must drop its sessions as a crash would.
    const QList<int> children = childrenOf(m_process->processId());
    m_process->terminate();
    const bool exited = m_process->waitForFinished(kStopTimeoutMs);
    if (!exited) {
        m_process->kill();
        m_process->waitForFinished(kStopTimeoutMs);
    }
    terminateAll(children, kStopTimeoutMs);
    return exited;
}

bool DovecotServer::restart(QString *error)
{
    stop();
    return launch(error);
}

} // namespace tierdesk::test
