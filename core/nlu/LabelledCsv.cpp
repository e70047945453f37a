#include "core/nlu/LabelledCsv.h"

#include "core/nlu/TrainingData.h"

#include <QFile>
#include <QStringDecoder>

namespace tierdesk::nlu {

namespace {

Error invalid(const QString &path, const QString &what)
{
    return makeError(ErrorKind::InvalidArgument, path + QStringLiteral(": ") + what);
}

// Rows that are entirely blank (a trailing newline, an empty line) are not data.
bool isBlankRow(const QStringList &row)
{
    for (const QString &field : row)
        if (!field.trimmed().isEmpty())
            return false;
    return true;
}

} // namespace

Result<QList<LabelledText>> readLabelledCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(path, QStringLiteral("cannot read: ") + file.errorString());
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return invalid(path, QStringLiteral("cannot read: ") + file.errorString());
    if (bytes.trimmed().isEmpty())
        return invalid(path, QStringLiteral("empty file"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return invalid(path, QStringLiteral("not UTF-8 text"));
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1); // a byte-order mark some editors write

    const QList<QStringList> rows = parseCsv(text);
    const QStringList header = rows.isEmpty() ? QStringList() : rows.first();
    const int textColumn = int(header.indexOf(QStringLiteral("text")));
    const int labelColumn = int(header.indexOf(QStringLiteral("label")));
    if (textColumn < 0 || labelColumn < 0)
        return invalid(path, QStringLiteral("the first line must name the columns text and label"));

    QList<LabelledText> out;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        if (isBlankRow(row))
            continue;
        const QString t = row.value(textColumn).trimmed();
        const QString label = row.value(labelColumn).trimmed();
        if (row.size() <= std::max(textColumn, labelColumn) || t.isEmpty() || label.isEmpty())
            return invalid(path, QStringLiteral("row %1 has no text or no label").arg(r + 1));
        out.append({t, label});
    }
    if (out.isEmpty())
        return invalid(path, QStringLiteral("no rows after the header"));
    return out;
}

} // namespace tierdesk::nlu
