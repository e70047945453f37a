#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace tierdesk {

// One import of customers: the file read into rows (CSV with a header row, or NDJSON: one
// customer object a line), each row checked by CustomerFields as a PUT is. Parsing reads
// nothing stored, so it runs off the engine thread; CustomerDirectory matches and writes.
class CustomerImport {
public:
    static constexpr qint64 kMaxBytes = 50LL * 1024 * 1024;
    static constexpr int kMaxRows = 1000000;
    static constexpr int kMaxReportedFailures = 1000; // beyond: counted in `failedCount` only

    enum class Format { Csv, NdJson };

    struct Row {
        int line = 0; // where the row starts in the file, the header being line 1
        Customer customer; // id empty when the row names none
        QStringList given; // the fields the row gives (for merging into a stored customer)
    };
    struct Failure {
        int line = 0;
        QString field;
        QString error;
    };
    struct Report {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failedCount = 0;
        QList<Failure> failed; // the first kMaxReportedFailures
        void fail(const Failure &f)
        {
            ++failedCount;
            if (failed.size() < kMaxReportedFailures)
                failed.append(f);
        }
    };
    struct Parsed {
        QList<Row> rows;
        Report report; // the rows refused while reading
    };

    // "text/csv" and "application/x-ndjson" (parameters ignored); nullopt for anything else.
    static std::optional<Format> formatOf(const QByteArray &contentType);
    // InvalidArgument for a file that cannot be read at all (too large, no header, not UTF-8...).
    static Result<Parsed> parse(const QByteArray &file, Format format, const QString &companyId);

private:
    static Result<Parsed> parseCsv(const QString &text, const QString &companyId);
    static Result<Parsed> parseNdJson(const QByteArray &file, const QString &companyId);
    static void addRow(Parsed &out, int line, const QString &companyId, const QJsonObject &fields);
};

} // namespace tierdesk
