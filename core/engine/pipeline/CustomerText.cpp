#include "core/engine/pipeline/CustomerText.h"

#include "core/common/Validation.h"
#include "core/nlu/text/PiiDetector.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk {

Result<QString> validateCustomerText(const QString &text, int maxChars, const QString &field)
{
    const QString clean = text.trimmed();
    QString reason;
    if (clean.isEmpty())
        reason = QStringLiteral("%1 is empty").arg(field);
    else if (clean.size() > maxChars)
        reason = QStringLiteral("%1 is longer than %2 characters").arg(field).arg(maxChars);
    else if (const auto fault = textFault(clean, TextLines::Many))
        reason = field + QLatin1Char(' ') + *fault;
    if (reason.isEmpty())
        return clean;
    return makeError(ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage, QStringLiteral("Invalid message content"),
        {{QStringLiteral("field"), field}, {QStringLiteral("reason"), reason},
            {QStringLiteral("maxLength"), maxChars}});
}

QJsonObject withPiiKinds(QJsonObject details, const QString &text)
{
    if (const QStringList kinds = nlu::PiiDetector::kindNames(text); !kinds.isEmpty())
        details.insert(QStringLiteral("pii"), QJsonArray::fromStringList(kinds));
    return details;
}

} // namespace tierdesk
