#include "core/integrations/ReportFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerDir = kOwnerFile | QFileDevice::ExeOwner;

bool ownerOnlyDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, kOwnerDir);
}

} // namespace

bool ReportFiles::validId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_\\-]{1,64}$"));
    return re.match(id).hasMatch();
}

QString ReportFiles::path(const QString &companyId, const QString &reportId, const QString &format) const
{
    if (!validId(companyId) || !validId(reportId) || !validFormat(format))
        return {};
    return m_root + QLatin1Char('/') + companyId + QLatin1Char('/') + reportId + QLatin1Char('.') + format;
}

Status ReportFiles::write(const QString &companyId, const QString &reportId, const QString &format,
    const QByteArray &bytes, qint64 requestedAtMs) const
{
    const QString target = path(companyId, reportId, format);
    if (target.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("invalid report file name"));
    if (!ownerOnlyDir(m_root) || !ownerOnlyDir(QFileInfo(target).absolutePath()))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot create the report directory"));
    const QString partial = target + QStringLiteral(".part");
    QFile::remove(partial); // left by a crash while writing
    QFile file(partial);
    // Created 0600 from the start: the contents are never readable by others, not even briefly.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerFile))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot create %1: %2").arg(partial, file.errorString()));
    const bool written = file.write(bytes) == bytes.size() && file.flush()
        && (requestedAtMs <= 0
            || file.setFileTime(
                QDateTime::fromMSecsSinceEpoch(requestedAtMs, Qt::UTC), QFileDevice::FileModificationTime));
    file.close();
    if (!written || !QFile::rename(partial, target)) {
        QFile::remove(partial);
        return makeError(ErrorKind::Internal, QStringLiteral("cannot write %1").arg(target));
    }
    return Ok{};
}

std::optional<QString> ReportFiles::formatOf(const QString &companyId, const QString &reportId) const
{
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("pdf")}) {
        const QString p = path(companyId, reportId, format);
        if (!p.isEmpty() && QFileInfo::exists(p))
            return format;
    }
    return std::nullopt;
}

std::optional<ReportFiles::Stored> ReportFiles::stored(const QString &companyId, const QString &reportId) const
{
    const auto format = formatOf(companyId, reportId);
    if (!format)
        return std::nullopt;
    const QFileInfo f(path(companyId, reportId, *format));
    return Stored{reportId, *format, f.lastModified().toMSecsSinceEpoch(), f.size()};
}

Result<QByteArray> ReportFiles::read(const QString &companyId, const QString &reportId, const QString &format) const
{
    QFile file(path(companyId, reportId, format));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::NotFound, QStringLiteral("no such report file"));
    return file.readAll();
}

QList<ReportFiles::Stored> ReportFiles::list(const QString &companyId) const
{
    QList<Stored> out;
    if (!validId(companyId))
        return out;
    const QDir dir(m_root + QLatin1Char('/') + companyId);
    const auto files = dir.entryInfoList({QStringLiteral("*.csv"), QStringLiteral("*.pdf")}, QDir::Files);
    for (const QFileInfo &f : files)
        if (validId(f.completeBaseName()))
            out.append({f.completeBaseName(), f.suffix(), f.lastModified().toMSecsSinceEpoch(), f.size()});
    std::stable_sort(
        out.begin(), out.end(), [](const Stored &a, const Stored &b) { return a.requestedAtMs < b.requestedAtMs; });
    return out;
}

QStringList ReportFiles::companies() const
{
    QStringList out = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    out.removeIf([](const QString &name) { return !validId(name); });
    return out;
}

bool ReportFiles::remove(const QString &companyId, const QString &reportId, const QString &format) const
{
    const QString p = path(companyId, reportId, format);
    return !p.isEmpty() && QFile::remove(p);
}

} // namespace tierdesk
