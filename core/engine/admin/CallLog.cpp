#include "core/engine/admin/CallLog.h"

#include "core/store/DeskRepo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace tierdesk {
namespace {

Q_LOGGING_CATEGORY(lcCallLog, "tierdesk.calls.log")

// A name part that is safe in a file name ([A-Za-z0-9._@:-], not starting with a dot); else empty.
QString fileSafe(const QString &part)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@:-][A-Za-z0-9._@:-]{0,127}$"));
    return safe.match(part).hasMatch() ? part : QString();
}

} // namespace

CallLog::CallLog(SessionEngine &engine, QString dataDir, int retentionDays, QObject *parent)
    : QObject(parent), m_engine(engine), m_dataDir(std::move(dataDir)),
      m_retentionMs(qBound(1, retentionDays, 3650) * kDayMs)
{
    connect(&m_sweepTimer, &QTimer::timeout, this, &CallLog::sweep);
}

void CallLog::startSweeping()
{
    m_sweepTimer.start(kSweepIntervalMs);
    sweep(); // what expired while the server was down
}

QString CallLog::recordingPath(const CallRecord &call) const
{
    const QString company = fileSafe(call.companyId);
    const QString session = fileSafe(call.sessionId);
    const QString name = (session.isEmpty() ? QString() : session + QLatin1Char('-')) + fileSafe(call.id);
    if (company.isEmpty() || fileSafe(call.id).isEmpty())
        return {};
    return QLatin1String(kFolder) + QLatin1Char('/') + company + QLatin1Char('/') + name + QStringLiteral(".wav");
}

QString CallLog::absolutePath(const QString &relative) const
{
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.contains(QLatin1String("..")))
        return {};
    return m_dataDir + QLatin1Char('/') + relative;
}

QString CallLog::newRecordingFile(const QString &relative) const
{
    const QString root = m_dataDir + QLatin1Char('/') + QLatin1String(kFolder);
    if (QDir().mkpath(root)) // private like the data directory (the file's own folder is made so by its writer)
        QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return absolutePath(relative);
}

Status CallLog::save(const CallRecord &call)
{
    Store &store = m_engine.core().store();
    return store.batch().run([&]() -> Status { return store.calls().put(call); });
}

std::optional<CallRecord> CallLog::find(const QString &callId)
{
    return m_engine.core().store().calls().find(callId);
}

std::pair<QString, QString> CallLog::deskOf(const QString &sessionId)
{
    const std::optional<DeskItem> item = DeskRepo(m_engine.core().store().db()).find(sessionId);
    if (!item)
        return {};
    return {item->queue, item->assigneeId};
}

Result<CallLog::Recording> CallLog::recording(const QString &companyId, const QString &sessionId)
{
    const Result<Session> session = m_engine.core().openSession(companyId, sessionId, false, {});
    if (!session)
        return session.error();
    const std::optional<CallRecord> call = m_engine.core().store().calls().recordedOfSession(companyId, sessionId);
    const QString path = call ? absolutePath(call->recordingPath) : QString();
    const QFileInfo file(path);
    if (!call || path.isEmpty() || !file.isFile())
        return makeError(ErrorKind::NotFound, QStringLiteral("The session has no recording"));
    return Recording{call->id, path, file.size()};
}

Result<QByteArray> CallLog::read(const QString &path, qint64 offset, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::NotFound, QStringLiteral("The recording is gone"));
    if (offset < 0 || length < 0 || (offset > 0 && !file.seek(offset)))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("outside the recording"));
    QByteArray bytes = file.read(length);
    if (bytes.isEmpty() && length > 0 && file.error() != QFileDevice::NoError)
        return makeError(ErrorKind::Unavailable, QStringLiteral("cannot read the recording"));
    return bytes;
}

bool CallLog::erase(const CallRecord &call, bool evenIfMissing)
{
    const QString path = absolutePath(call.recordingPath);
    const bool here = !path.isEmpty() && QFileInfo::exists(path);
    if (here && !QFile::remove(path)) {
        qCWarning(lcCallLog) << "cannot remove the recording" << path;
        return false;
    }
    if (!here && !evenIfMissing)
        return false; // another instance's file (team mode): it erases its own
    Store &store = m_engine.core().store();
    return store.batch().run([&]() -> Status { return store.calls().forgetRecording(call.id); }).ok();
}

int CallLog::sweep()
{
    CallRepo &calls = m_engine.core().store().calls();
    // On one server every recording is this one's; in a team the others' files are left to them.
    const bool team = m_engine.core().store().db().postgres();
    int erased = 0;
    const qint64 before = m_engine.clock().nowMs() - m_retentionMs;
    for (const CallRecord &call : calls.recordedBefore(before))
        erased += erase(call, !team) ? 1 : 0;
    // Customers erased on another instance: their recordings here go too.
    for (const CallRecord &call : calls.recordedOfErasedCustomers())
        erased += erase(call, !team) ? 1 : 0;
    if (erased > 0)
        qCInfo(lcCallLog) << erased << "recordings erased (past their retention, or their customer's)";
    return erased;
}

Result<int> CallLog::eraseCustomer(const QString &companyId, const QString &customerId)
{
    int erased = 0;
    for (const CallRecord &call : m_engine.core().store().calls().recordedOfCustomer(companyId, customerId))
        erased += erase(call, true) ? 1 : 0;
    return erased;
}

} // namespace tierdesk
