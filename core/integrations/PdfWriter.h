#pragma once

#include "core/integrations/ReportTable.h"

#include <QByteArray>

namespace tierdesk::pdf {

// A small PDF 1.4 writer for reports: A4 pages of text in the standard
// Helvetica font (WinAnsiEncoding, so Latin-1 text shows as written; other
// characters become '?'), the title, the notes, then the table in fixed-width
// columns, a new page whenever one is full, "Page n of m" at the foot.
//
// Why not QPdfWriter: the server runs under QCoreApplication (`tierdesk serve`),
// and QPainter's text needs QFontDatabase, which aborts without a
// QGuiApplication ("Must construct a QGuiApplication before accessing
// QFontDatabase", measured with Qt 6.4.2). Forcing a QGuiApplication with the
// offscreen platform into the headless server would load the GUI stack for one
// feature; a text-only report needs none of it.
QByteArray render(const ReportTable &table);

// Latin-1 bytes of `text` with ( ) \ escaped, for a PDF string literal.
QByteArray escapeText(const QString &text);

} // namespace tierdesk::pdf
