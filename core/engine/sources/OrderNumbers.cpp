#include "core/engine/sources/OrderNumbers.h"

#include "core/nlu/SlotExtractor.h"

namespace tierdesk {
namespace {

// ORD-10001 in its spellings; #1001; a number after "order" / "Bestellung" ("order no. 123456").
const QRegularExpression &defaultPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(ord)[-_ ]?(\d{3,20})\b)"
                                                      R"(|(?<![\w#])#(\d{3,20})\b)"
                                                      R"(|\b(?:order|bestellung)(?:\s*(?:no\.?|nr\.?|num(?:ber)?|)"
                                                      R"(nummer|id|ref(?:erence)?))?\s*[-_:]?\s*(\d{4,12})\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString numberOf(const QRegularExpressionMatch &m)
{
    if (!m.captured(2).isEmpty())
        return QStringLiteral("ORD-") + m.captured(2);
    if (!m.captured(3).isEmpty())
        return QLatin1Char('#') + m.captured(3);
    return m.captured(4);
}

} // namespace

OrderNumbers::OrderNumbers(const QString &pattern)
{
    if (!pattern.isEmpty())
        m_pattern = QRegularExpression(pattern);
    if (!pattern.isEmpty() && !m_pattern.isValid())
        m_pattern = QRegularExpression(); // checked when configured; an unreadable one finds the defaults
}

OrderNumbers OrderNumbers::of(const ConnectorSettings &connectors)
{
    OrderNumbers numbers(connectors.orderNumberPattern);
    numbers.m_store
        = connectors.orderNumberPattern.isEmpty() && connectors.order == QLatin1String(ConnectorSettings::kBuiltin);
    return numbers;
}

QStringList OrderNumbers::in(const QString &text) const
{
    if (m_store)
        return nlu::extractSlots(text).orderIds.mid(0, kMaxNumbers);
    QStringList out;
    const bool own = m_pattern.isValid() && !m_pattern.pattern().isEmpty();
    const QRegularExpression &re = own ? m_pattern : defaultPattern();
    for (auto it = re.globalMatch(text); it.hasNext() && out.size() < kMaxNumbers;) {
        const QRegularExpressionMatch m = it.next();
        const QString number = own ? (re.captureCount() > 0 ? m.captured(1) : m.captured(0)) : numberOf(m);
        if (!number.isEmpty() && !out.contains(number))
            out << number;
    }
    return out;
}

} // namespace tierdesk
