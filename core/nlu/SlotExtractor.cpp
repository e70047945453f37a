#include "core/nlu/SlotExtractor.h"

#include <QRegularExpression>

namespace tierdesk::nlu {

namespace {

// "ORD-12345", "ORD12345", "ord 12345", "order #12345", "order no. 12345",
// "order number: 12345", "purchase 12345", "order id 12345".
const QRegularExpression &orderPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b(?:ord(?:er)?|purchase)(?:\s*(?:#|no\.?|num(?:ber)?|id|ref(?:erence)?))?)"
                       R"(\s*[-_:#]?\s*#?(\d{3,20})\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A number written the usual ways: "1,250.00", "1250", "25.5".
QString numberPattern()
{
    return QStringLiteral(R"((\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?))");
}

const QRegularExpression &symbolFirstPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(([$€£])\s?)") + numberPattern() + QStringLiteral(R"((?![\d,.]*\d))"));
    return re;
}

const QRegularExpression &codeFirstPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b(usd|eur|gbp)\s?)") + numberPattern() + QStringLiteral(R"(\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &numberFirstPattern()
{
    static const QRegularExpression re(QStringLiteral(R"((?<![\w.,]))") + numberPattern()
            + QStringLiteral(R"(\s?([$€£]|(?:usd|eur|gbp|dollars?|bucks|euros?|pounds?)\b))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &emailPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b)"));
    return re;
}

QString currencyCode(const QString &token)
{
    const QString t = token.toLower();
    if (t == QLatin1String("$") || t == QLatin1String("usd") || t.startsWith(QLatin1String("dollar"))
        || t == QLatin1String("bucks"))
        return QStringLiteral("USD");
    if (t == QStringLiteral("€") || t == QLatin1String("eur") || t.startsWith(QLatin1String("euro")))
        return QStringLiteral("EUR");
    if (t == QStringLiteral("£") || t == QLatin1String("gbp") || t.startsWith(QLatin1String("pound")))
        return QStringLiteral("GBP");
    return QString();
}

double parseNumber(QString number)
{
    number.remove(QLatin1Char(','));
    return number.toDouble();
}

} // namespace

Slots extractSlots(const QString &text)
{
    Slots found;
    if (text.isEmpty())
        return found;

    for (auto it = orderPattern().globalMatch(text); it.hasNext();) {
        const QString id = QStringLiteral("ORD-") + it.next().captured(1);
        if (!found.orderIds.contains(id))
            found.orderIds << id;
    }
    if (!found.orderIds.isEmpty())
        found.orderId = found.orderIds.first();

    // The earliest amount in the text wins, whichever way it is written.
    qsizetype best = -1;
    auto consider = [&](const QRegularExpressionMatch &m, int numberGroup, int currencyGroup) {
        if (!m.hasMatch() || (best >= 0 && m.capturedStart() >= best))
            return;
        best = m.capturedStart();
        found.amount = parseNumber(m.captured(numberGroup));
        found.currency = currencyCode(m.captured(currencyGroup));
    };
    consider(symbolFirstPattern().match(text), 2, 1);
    consider(codeFirstPattern().match(text), 2, 1);
    consider(numberFirstPattern().match(text), 1, 2);

    const QRegularExpressionMatch email = emailPattern().match(text);
    if (email.hasMatch())
        found.email = email.captured(0).toLower();
    return found;
}

} // namespace tierdesk::nlu
