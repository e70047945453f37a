#include "core/integrations/CsvWriter.h"

namespace tierdesk::csv {

namespace {

QByteArray line(const QStringList &values, int width)
{
    QByteArray out;
    for (int i = 0; i < width; ++i) {
        if (i > 0)
            out += ',';
        out += field(values.value(i));
    }
    return out + "\r\n";
}

bool looksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar c = value.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool isNumber(const QString &value)
{
    bool ok = false;
    value.toDouble(&ok);
    return ok;
}

} // namespace

QByteArray field(const QString &value)
{
    // Negative numbers stay numbers; other text that starts like a formula does not.
    const QString safe = looksLikeFormula(value) && !isNumber(value) ? QLatin1Char('\'') + value : value;
    QByteArray bytes = safe.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n') && !bytes.contains('\r'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

QByteArray render(const ReportTable &table)
{
    const int width = static_cast<int>(table.columns.size());
    QByteArray out = line(table.columns, width);
    for (const QStringList &row : table.rows)
        out += line(row, width);
    return out;
}

} // namespace tierdesk::csv
