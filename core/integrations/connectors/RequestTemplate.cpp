#include "core/integrations/connectors/RequestTemplate.h"

#include <QUrl>

namespace tierdesk::connectors {

namespace {

bool wordChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
}

// The word in braces starting at `open` (a '{'), or empty when there is none.
QString braceWord(const QString &text, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < text.size() && wordChar(text.at(i)))
        ++i;
    if (i == open + 1 || i >= text.size() || text.at(i) != QLatin1Char('}'))
        return {};
    return text.mid(open + 1, i - open - 1);
}

Error templateError(const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message);
}

} // namespace

const QStringList &RequestTemplate::names()
{
    static const QStringList all{QStringLiteral("orderId"), QStringLiteral("customerId"), QStringLiteral("email"),
        QStringLiteral("phone"), QStringLiteral("amount"), QStringLiteral("amountCents"), QStringLiteral("currency"),
        QStringLiteral("reason"), QStringLiteral("paymentReference"), QStringLiteral("sessionId"),
        QStringLiteral("idempotencyKey")};
    return all;
}

Status RequestTemplate::check(const QString &text)
{
    if (text.size() > kMaxChars)
        return templateError(QStringLiteral("a template is at most %1 characters").arg(kMaxChars));
    for (qsizetype i = text.indexOf(QLatin1Char('{')); i >= 0; i = text.indexOf(QLatin1Char('{'), i + 1)) {
        const QString word = braceWord(text, i);
        if (!word.isEmpty() && !names().contains(word))
            return templateError(QStringLiteral("{%1} is no placeholder; the placeholders are {%2}")
                                     .arg(word.left(40), names().join(QStringLiteral("}, {"))));
    }
    return Ok{};
}

QStringList RequestTemplate::used(const QString &text)
{
    QStringList out;
    for (qsizetype i = text.indexOf(QLatin1Char('{')); i >= 0; i = text.indexOf(QLatin1Char('{'), i + 1)) {
        const QString word = braceWord(text, i);
        if (names().contains(word) && !out.contains(word))
            out << word;
    }
    return out;
}

QString RequestTemplate::jsonEscaped(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x2028 || c.unicode() == 0x2029)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

Result<QString> RequestTemplate::fill(const QString &text, const Values &values, Encoding encoding)
{
    QString out;
    qsizetype from = 0;
    for (qsizetype i = text.indexOf(QLatin1Char('{')); i >= 0; i = text.indexOf(QLatin1Char('{'), i + 1)) {
        const QString word = braceWord(text, i);
        if (!names().contains(word))
            continue;
        const auto value = values.constFind(word);
        if (value == values.constEnd())
            return templateError(QStringLiteral("no value for {%1}").arg(word));
        if (value->size() > kMaxValueChars)
            return templateError(QStringLiteral("{%1} is longer than %2 characters").arg(word).arg(kMaxValueChars));
        out += QStringView(text).mid(from, i - from);
        out += encoding == Encoding::Url ? QString::fromLatin1(QUrl::toPercentEncoding(*value)) : jsonEscaped(*value);
        from = i + word.size() + 2;
        i = from - 1;
    }
    out += QStringView(text).mid(from);
    return out;
}

} // namespace tierdesk::connectors
