#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tierdesk {

// A report as rows of text, the one shape both report writers take
// (csv::render, pdf::render): a title, a few lines that say what it covers,
// and a table with a header row.
struct ReportTable {
    QString title;
    QStringList notes; // e.g. "Period: 2025-02-01 – 2025-02-28"
    QStringList columns;
    QList<QStringList> rows; // each as long as columns (shorter rows are padded)
};

} // namespace tierdesk
