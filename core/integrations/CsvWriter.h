#pragma once

#include "core/integrations/ReportTable.h"

#include <QByteArray>

namespace tierdesk::csv {

// RFC 4180: UTF-8, CRLF line ends, the header row first, a field quoted when it
// holds a comma, a quote or a line break (quotes doubled). A field that a
// spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a
// leading apostrophe, so a customer's text cannot execute in the reader's sheet.
// The title and notes are not written: a CSV file is the table alone.
QByteArray render(const ReportTable &table);
QByteArray field(const QString &value);

} // namespace tierdesk::csv
