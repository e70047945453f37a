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
// 64 characters) before they become file names. Thread-safe: it keeps no state.
class ReportFiles {
public:
    explicit ReportFiles(QString root) : m_root(std::move(root)) { }

    static bool validId(const QString &id);
    static bool validFormat(const QString &format)
    {
        return format == QLatin1String("csv") || format == QLatin1String("pdf");
    }

    Status write(
        const QString &companyId, const QString &reportId, const QString &format, const QByteArray &bytes) const;
    // The format of the company's finished report, if there is one.
    std::optional<QString> formatOf(const QString &companyId, const QString &reportId) const;
    Result<QByteArray> read(const QString &companyId, const QString &reportId, const QString &format) const;
    QString path(const QString &companyId, const QString &reportId, const QString &format) const;
    const QString &root() const { return m_root; }

private:
    QString m_root;
};

} // namespace tierdesk
