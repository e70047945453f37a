#include "core/runtime/MailSpool.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <fcntl.h>
#include <unistd.h>

namespace tierdesk {
namespace {

constexpr int kMaxAtOnce = 8; // spooled mails read or received at once
const char kSpoolTmp[] = "tmp";
const char kSpoolNew[] = "new";
const char kSpoolFailed[] = "failed";
const QString kErrorSuffix = QStringLiteral(".error");

QString spooledCompany(const QString &name)
{
    return name.section(QLatin1Char('.'), 2);
}

bool syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

Status makeFolders(const QString &root)
{
    for (const char *sub : {kSpoolTmp, kSpoolNew, kSpoolFailed}) {
        const QString dir = root + QLatin1Char('/') + QLatin1String(sub);
        if (!QDir().mkpath(dir) || !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return makeError(ErrorKind::Unavailable, QStringLiteral("cannot make the mail spool %1").arg(dir));
    }
    return Ok{};
}

} // namespace

MailSpool::MailSpool(SessionEngine &engine, Channels &channels, const QString &dataDir, QObject *parent)
    : QObject(parent), m_engine(engine), m_channels(channels), m_root(QDir(dataDir).filePath(QLatin1String(kDir)))
{
    m_pool.setMaxThreadCount(2);
    connect(&m_watch, &QFileSystemWatcher::directoryChanged, this, &MailSpool::scan);
    connect(&m_rescan, &QTimer::timeout, this, &MailSpool::scan);
}

MailSpool::~MailSpool()
{
    stop();
}

QString MailSpool::path(const char *sub, const QString &name) const
{
    return m_root + QLatin1Char('/') + QLatin1String(sub) + (name.isEmpty() ? QString() : QLatin1Char('/') + name);
}

Status MailSpool::start()
{
    if (Status made = makeFolders(m_root); !made)
        return made;
    m_stopping = false;
    // What a command killed mid-write left in tmp/ (it exited without 0: the mail server retries).
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-kStaleTmpSecs);
    for (const QFileInfo &f : QDir(path(kSpoolTmp)).entryInfoList(QDir::Files)) {
        if (f.lastModified().toUTC() < stale)
            QFile::remove(f.filePath());
    }
    m_watch.addPath(path(kSpoolNew));
    m_rescan.start(kRescanMs);
    scan();
    return Ok{};
}

void MailSpool::stop()
{
    m_stopping = true;
    m_rescan.stop();
    m_pool.waitForDone();
}

Result<QString> MailSpool::put(const QString &dataDir, const QString &companyId, const QByteArray &raw)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"));
    if (!valid.match(companyId).hasMatch())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("--company is not a company id"));
    const QString root = QDir(dataDir).filePath(QLatin1String(kDir));
    if (Status made = makeFolders(root); !made)
        return made.error();
    const QString name = QStringLiteral("%1.%2.%3")
                             .arg(QDateTime::currentMSecsSinceEpoch())
                             .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
                             .arg(companyId);
    const QString tmp = root + QLatin1Char('/') + QLatin1String(kSpoolTmp) + QLatin1Char('/') + name;
    QFile file(tmp);
    // The mail is on disk before the command says so: written, synced, then renamed into new/.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || file.write(raw) != raw.size() || !file.flush()
        || ::fsync(file.handle()) != 0) {
        const QString why = file.errorString();
        file.close();
        QFile::remove(tmp);
        return makeError(ErrorKind::Unavailable, QStringLiteral("cannot write %1: %2").arg(tmp, why));
    }
    file.close();
    const QString fresh = root + QLatin1Char('/') + QLatin1String(kSpoolNew);
    if (!QFile::rename(tmp, fresh + QLatin1Char('/') + name) || !syncPath(fresh, O_RDONLY | O_DIRECTORY)) {
        QFile::remove(tmp);
        return makeError(ErrorKind::Unavailable, QStringLiteral("cannot move the mail into %1").arg(fresh));
    }
    return name;
}

QString MailSpool::outcome(const QString &dataDir, const QString &name)
{
    const QString root = QDir(dataDir).filePath(QLatin1String(kDir)) + QLatin1Char('/');
    if (QFile::exists(root + QLatin1String(kSpoolNew) + QLatin1Char('/') + name))
        return QString();
    QFile error(root + QLatin1String(kSpoolFailed) + QLatin1Char('/') + name + kErrorSuffix);
    if (error.open(QIODevice::ReadOnly))
        return QString::fromUtf8(error.readAll()).trimmed();
    return QStringLiteral("done");
}

void MailSpool::scan()
{
    if (m_stopping)
        return;
    const QStringList names = QDir(path(kSpoolNew)).entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (m_taking.size() >= kMaxAtOnce)
            break;
        if (!m_taking.contains(name))
            take(name);
    }
}

void MailSpool::take(const QString &name)
{
    const Result<MailboxSettings> mailbox = m_channels.accounts().email(spooledCompany(name));
    if (!mailbox)
        return failed(name, mailbox.error().message);
    m_taking.insert(name);
    QPointer<MailSpool> self(this);
    m_pool.start([self, name, file = path(kSpoolNew, name), maxBytes = mailbox->maxBytes] {
        QFile f(file);
        Result<MailInbox::Parsed> parsed
            = makeError(ErrorKind::Unavailable, QStringLiteral("cannot read %1").arg(file));
        if (f.open(QIODevice::ReadOnly))
            parsed = MailInbox::parse(f.read(MailInbox::kMaxDeliveredBytes), maxBytes);
        QMetaObject::invokeMethod(self, [self, name, parsed] {
            if (!self || self->m_stopping)
                return;
            if (!parsed) {
                if (parsed.error().kind == ErrorKind::InvalidArgument)
                    return self->failed(name, parsed.error().message);
                self->m_taking.remove(name); // looked at again later
                return;
            }
            self->m_channels.mail().receive(spooledCompany(name), *parsed, self,
                [self, name](Result<MailInbox::Receipt> receipt) { self->received(name, receipt); });
        });
    });
}

void MailSpool::received(const QString &name, const Result<MailInbox::Receipt> &receipt)
{
    if (!receipt) {
        if (receipt.error().kind == ErrorKind::InvalidArgument || receipt.error().kind == ErrorKind::NotFound)
            return failed(name, receipt.error().message);
        m_taking.remove(name);
        return;
    }
    // The file goes once its mail is on disk: a crash before leaves it to be taken again (and found stored).
    m_engine.afterCommit([self = QPointer<MailSpool>(this), name](bool committed) {
        if (!self)
            return;
        if (committed)
            QFile::remove(self->path(kSpoolNew, name));
        self->m_taking.remove(name);
        emit self->taken(name, committed);
        self->scan();
    });
}

void MailSpool::failed(const QString &name, const QString &why)
{
    qWarning("spooled mail %s not taken: %s", qPrintable(name), qPrintable(why));
    QFile error(path(kSpoolFailed, name + kErrorSuffix));
    if (error.open(QIODevice::WriteOnly | QIODevice::Truncate))
        error.write(why.toUtf8() + '\n');
    error.close();
    QFile::remove(path(kSpoolFailed, name));
    QFile::rename(path(kSpoolNew, name), path(kSpoolFailed, name));
    m_taking.remove(name);
    emit taken(name, false);
}

} // namespace tierdesk
