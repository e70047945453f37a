#include "core/engine/customers/CustomerImport.h"

#include "core/common/Validation.h"
#include "core/engine/customers/CustomerFields.h"
#include "core/nlu/TrainingData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace tierdesk {

std::optional<CustomerImport::Format> CustomerImport::formatOf(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    if (type == "text/csv")
        return Format::Csv;
    if (type == "application/x-ndjson")
        return Format::NdJson;
    return std::nullopt;
}

Result<CustomerImport::Parsed> CustomerImport::parse(const QByteArray &file, Format format, const QString &companyId)
{
    if (file.size() > kMaxBytes)
        return invalidField(QStringLiteral("file"), QStringLiteral("an import takes at most %1 bytes").arg(kMaxBytes));
    if (format == Format::NdJson)
        return parseNdJson(file, companyId);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(file);
    if (utf8.hasError())
        return invalidField(QStringLiteral("file"), QStringLiteral("the file is not UTF-8 text"));
    if (text.startsWith(QChar(0xFEFF))) // a byte order mark, as spreadsheets write it
        text.remove(0, 1);
    return parseCsv(text, companyId);
}

void CustomerImport::addRow(Parsed &out, int line, const QString &companyId, const QJsonObject &fields)
{
    const QJsonValue id = fields.value(QLatin1String("id"));
    if (!id.isUndefined() && !id.isNull() && !id.isString()) {
        out.report.fail({line, QStringLiteral("id"), QStringLiteral("id must be a string")});
        return;
    }
    Result<Customer> c = CustomerFields::fromJson(companyId, id.toString().trimmed(), fields);
    if (!c) {
        out.report.fail({line, c.error().field, c.error().message});
        return;
    }
    out.rows.append({line, *c, CustomerFields::givenFields(fields)});
}

Result<CustomerImport::Parsed> CustomerImport::parseCsv(const QString &text, const QString &companyId)
{
    QList<int> lines;
    const QList<QStringList> records = nlu::parseCsv(text, &lines);
    if (records.isEmpty() || records.first().join(QString()).trimmed().isEmpty())
        return invalidField(QStringLiteral("file"), QStringLiteral("a CSV import starts with a header row"));
    QStringList header;
    for (const QString &column : records.first())
        header.append(column.trimmed());
    if (!header.contains(QLatin1String("name")))
        return invalidField(QStringLiteral("file"), QStringLiteral("the header row has no name column"));
    if (records.size() - 1 > kMaxRows)
        return invalidField(QStringLiteral("file"), QStringLiteral("an import takes at most %1 rows").arg(kMaxRows));
    Parsed out;
    out.rows.reserve(records.size() - 1);
    for (qsizetype r = 1; r < records.size(); ++r) {
        const QStringList &cells = records.at(r);
        if (cells.join(QString()).trimmed().isEmpty())
            continue; // a blank line
        if (cells.size() > header.size()) {
            out.report.fail({lines.at(r), QString(),
                QStringLiteral("the row has %1 cells, the header %2").arg(cells.size()).arg(header.size())});
            continue;
        }
        addRow(out, lines.at(r), companyId, CustomerFields::csvFields(header, cells));
    }
    return out;
}

Result<CustomerImport::Parsed> CustomerImport::parseNdJson(const QByteArray &file, const QString &companyId)
{
    Parsed out;
    int line = 0;
    qsizetype start = 0;
    while (start < file.size()) {
        qsizetype end = file.indexOf('\n', start);
        if (end < 0)
            end = file.size();
        const QByteArray text = file.mid(start, end - start).trimmed();
        start = end + 1;
        ++line;
        if (text.isEmpty())
            continue;
        if (out.rows.size() + out.report.failedCount >= kMaxRows)
            return invalidField(
                QStringLiteral("file"), QStringLiteral("an import takes at most %1 rows").arg(kMaxRows));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            out.report.fail({line, QString(), QStringLiteral("the line is not a JSON object")});
            continue;
        }
        addRow(out, line, companyId, doc.object());
    }
    return out;
}

} // namespace tierdesk
