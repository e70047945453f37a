#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

// Labelled text for training and evaluation: a UTF-8 CSV file whose header names the
// columns `text` and `label` (in any order, other columns ignored).
namespace tierdesk::nlu {

struct LabelledText {
    QString text;
    QString label;
};

// Errors are ErrorKind::InvalidArgument with one line that names the file: unreadable,
// empty, not UTF-8, no `text`/`label` header, a row without those fields, or no rows.
Result<QList<LabelledText>> readLabelledCsv(const QString &path);

} // namespace tierdesk::nlu
