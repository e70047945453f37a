#include "core/store/DataDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSysInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace tierdesk {
namespace {

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool exists(const QString &path)
{
    struct stat st { };
    return ::lstat(native(path).constData(), &st) == 0;
}

} // namespace

DataDir::DataDir(QString path) : m_path(std::move(path)) { }

DataDir::~DataDir() = default;

QString DataDir::filePath(const char *name) const
{
    return m_path + QLatin1Char('/') + QLatin1String(name);
}

Result<std::unique_ptr<DataDir>> DataDir::open(const QString &path)
{
    if (path.trimmed().isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("the data directory must not be empty"));
    std::unique_ptr<DataDir> dir(new DataDir(QDir(path).absolutePath()));
    if (Status s = dir->prepareDirectory(); !s)
        return s.error();
    if (Status s = dir->lock(); !s)
        return s.error();
    if (Status s = dir->checkFiles(); !s)
        return s.error();
    return dir;
}

Status DataDir::prepareDirectory()
{
    const QFileInfo before(m_path);
    const bool existed = before.exists();
    if (existed && !before.isDir())
        return makeError(ErrorKind::Internal, QStringLiteral("data directory %1 is not a directory").arg(m_path));
    if (!QDir().mkpath(m_path))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot create data directory ") + m_path);
    // Only a directory that is Tierdesk's own is made private: --data-dir
    // pointed at a shared directory (a home, /tmp) must not change it. The
    // Tierdesk files in it are 0600 either way.
    const QDir dir(m_path);
    bool ours = !existed || dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const char *name : {kDatabase, kSettings, kSecrets, kLock})
        ours = ours || exists(filePath(name));
    struct stat st { };
    if (::stat(native(m_path).constData(), &st) != 0)
        return makeError(
            ErrorKind::Internal, QStringLiteral("cannot read data directory %1: %2").arg(m_path, errnoText()));
    if (ours && (st.st_mode & 077) != 0 && ::chmod(native(m_path).constData(), st.st_mode & 0700) != 0)
        qCWarning(lcStore) << "cannot make the data directory private (mode 0700):" << m_path << errnoText();
    else if (!ours && (st.st_mode & 077) != 0)
        qCWarning(lcStore) << "the data directory" << m_path
                           << "holds other files, so its mode is left as it is; Tierdesk's own files in it are 0600";
    if (::access(native(m_path).constData(), W_OK | X_OK) != 0)
        return makeError(
            ErrorKind::Internal, QStringLiteral("data directory %1 is not writable: %2").arg(m_path, errnoText()));
    return Ok{};
}

Status DataDir::lock()
{
    m_lock = std::make_unique<QLockFile>(filePath(kLock));
    // The lock is held for the life of the process, so it never goes stale by
    // age; a lock left by a process that is no longer running (crash, kill -9)
    // is still detected by its pid and taken over.
    m_lock->setStaleLockTime(0);
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (m_lock->tryLock(0)) {
            restrictToOwner(filePath(kLock));
            return Ok{};
        }
        if (m_lock->error() == QLockFile::PermissionError)
            return makeError(ErrorKind::Internal,
                QStringLiteral("data directory %1 is not writable (cannot create %2)")
                    .arg(m_path, QLatin1String(kLock)));
        if (m_lock->error() != QLockFile::LockFailedError)
            return makeError(
                ErrorKind::Internal, QStringLiteral("cannot create the lock file %1").arg(filePath(kLock)));
        qint64 pid = 0;
        QString host;
        QString app;
        if (m_lock->getLockInfo(&pid, &host, &app)) {
            // Only a process on this machine can be seen to have ended; a lock
            // written elsewhere (a shared disk, another container) is left to a person.
            const QString elsewhere = !host.isEmpty() && host != QSysInfo::machineHostName()
                ? QStringLiteral(" (if nothing runs there any more, delete %1)").arg(filePath(kLock))
                : QString();
            return makeError(ErrorKind::Conflict,
                QStringLiteral("data directory %1 is in use by %2 (pid %3 on %4); stop that process first "
                               "or use another --data-dir%5")
                    .arg(m_path, app.isEmpty() ? QStringLiteral("another process") : app)
                    .arg(pid)
                    .arg(host.isEmpty() ? QStringLiteral("this host") : host, elsewhere),
                {{QStringLiteral("pid"), pid}, {QStringLiteral("hostname"), host}, {QStringLiteral("appname"), app}});
        }
        // The holder let go between the two calls: try again.
    }
    return makeError(ErrorKind::Conflict, QStringLiteral("data directory %1 is in use by another process").arg(m_path));
}

Status DataDir::checkFiles() const
{
    const QString db = filePath(kDatabase);
    const QFileInfo info(db);
    if (info.exists() && !info.isFile())
        return makeError(ErrorKind::Internal, QStringLiteral("%1 is not a file").arg(db));
    if (info.exists() && info.size() == 0) {
        // SQLite writes its header as soon as it creates a database, so an empty
        // file next to the files of an installation was truncated: opening it
        // would silently start an empty store (and SQLite would delete the log).
        QStringList found;
        for (const char *name : {kSettings, kSecrets, "tierdesk.db-wal"})
            if (exists(filePath(name)))
                found << QLatin1String(name);
        if (!found.isEmpty())
            return makeError(ErrorKind::Internal,
                QStringLiteral("%1 is empty, but this data directory already holds an installation (%2): the "
                               "database was probably truncated. Restore it from a backup, or move the "
                               "directory away to start afresh")
                    .arg(db, found.join(QStringLiteral(", "))));
    }
    if (info.exists() && ::access(native(db).constData(), R_OK | W_OK) != 0)
        return makeError(ErrorKind::Internal,
            QStringLiteral("database %1 is read-only or unreadable (%2): Tierdesk needs to read and write it")
                .arg(db, errnoText()));
    for (const QString &file : QStringList{
             db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm"), filePath(kSettings), filePath(kSecrets)})
        restrictToOwner(file);
    return Ok{};
}

bool DataDir::restrictToOwner(const QString &file)
{
    struct stat st { };
    if (::stat(native(file).constData(), &st) != 0)
        return errno == ENOENT;
    if (!S_ISREG(st.st_mode) || (st.st_mode & 077) == 0)
        return true;
    if (::chmod(native(file).constData(), st.st_mode & 0700) == 0)
        return true;
    qCWarning(lcStore) << "cannot restrict" << file << "to its owner:" << errnoText();
    return false;
}

Status DataDir::createOwnerOnly(const QString &file)
{
    const int fd = ::open(native(file).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(ErrorKind::Internal, QStringLiteral("cannot create %1: %2").arg(file, errnoText()));
    // The umask can only take bits away; make sure the owner keeps both.
    const bool ok = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("cannot set the mode of %1").arg(file));
    return Ok{};
}

} // namespace tierdesk
