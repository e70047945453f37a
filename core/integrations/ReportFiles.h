#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tierdesk {

// Finished report files: <root>/<company id>/<report id>.<csv|pdf>, each 0600
// in 0700 directories like the data directory's other files. A file appears
// whole or not at all (written beside, then renamed), so its presence means the
// report is ready, also after a restart. Ids are checked ([A-Za-z0-9_-], at most
// 64 characters) before they become file names. A file's modification time is when
// its report was asked for (on the engine's clock), so retention survives a restart.
// Thread-safe: it keeps no state.
class ReportFiles {
public:
    struct Stored {
        QString reportId;
        QString format;
        qint64 requestedAtMs = 0;
        qint64 bytes = 0;
    };

    explicit ReportFiles(QString root) : m_root(std::move(root)) { }

    static bool validId(const QString &id);
    static bool validFormat(const QString &format)
    {
        return format == QLatin1String("csv") || format == QLatin1String("pdf");
    }

    // The file stamped with `requestedAtMs` (see above; 0: when it is written).
    Status write(const QString &companyId, const QString &reportId, const QString &format, const QByteArray &bytes,
        qint64 requestedAtMs = 0) const;
    // The company's finished reports, oldest first.
    QList<Stored> list(const QString &companyId) const;
    // The companies that have a report directory.
    QStringList companies() const;
    bool remove(const QString &companyId, const QString &reportId, const QString &format) const;
    // The company's finished report, if there is one.
    std::optional<Stored> stored(const QString &companyId, const QString &reportId) const;
    // The format of the company's finished report, if there is one.
    std::optional<QString> formatOf(const QString &companyId, const QString &reportId) const;
    Result<QByteArray> read(const QString &companyId, const QString &reportId, const QString &format) const;
    QString path(const QString &companyId, const QString &reportId, const QString &format) const;
    const QString &root() const { return m_root; }

private:
    QString m_root;
};

} // namespace tierdesk
