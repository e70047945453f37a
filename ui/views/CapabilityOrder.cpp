#include "ui/views/CapabilityOrder.h"

#include "ui/models/Display.h"

namespace tierdesk::ui {
namespace {

struct Money {
    const char *may; // the switch
    const char *cap; // the amount
    bool refund;
};

const Money kMoney[] = {{"canProcessRefunds", "maxRefundAmount", true}, {"canApplyCredits", "maxCreditAmount", false}};
const char *const kOrder[] = {"aiRep", "aiManager", "humanAgent"};

QString tierName(const char *key)
{
    if (qstrcmp(key, "aiRep") == 0)
        return CapabilityOrder::tr("the AI Rep");
    if (qstrcmp(key, "aiManager") == 0)
        return CapabilityOrder::tr("the AI Manager");
    return CapabilityOrder::tr("a human agent");
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

QStringList CapabilityOrder::warnings(const QJsonObject &config)
{
    const QJsonObject tiers = config.value(QLatin1String("tiers")).toObject();
    const QString currency
        = config.value(QLatin1String("company")).toObject().value(QLatin1String("currency")).toString();
    QStringList out;
    for (const Money &m : kMoney) {
        for (int lower = 0; lower < 2; ++lower) {
            const char *lowerKey = kOrder[lower];
            const char *higherKey = kOrder[lower + 1];
            const QJsonObject low
                = tiers.value(QLatin1String(lowerKey)).toObject().value(QLatin1String("capabilities")).toObject();
            const QJsonObject high
                = tiers.value(QLatin1String(higherKey)).toObject().value(QLatin1String("capabilities")).toObject();
            if (!low.value(QLatin1String(m.may)).toBool())
                continue;
            const double lowCap = low.value(QLatin1String(m.cap)).toDouble();
            const double highCap = high.value(QLatin1String(m.cap)).toDouble();
            const QString lowName = capitalised(tierName(lowerKey));
            if (!high.value(QLatin1String(m.may)).toBool())
                out << (m.refund ? tr("%1 may refund, but %2 it escalates to may not.")
                                 : tr("%1 may credit, but %2 it escalates to may not."))
                           .arg(lowName, tierName(higherKey));
            else if (lowCap > highCap)
                out << (m.refund ? tr("%1 may refund up to %2, more than %3 it escalates to (%4).")
                                 : tr("%1 may credit up to %2, more than %3 it escalates to (%4)."))
                           .arg(lowName, display::money(lowCap, currency), tierName(higherKey),
                               display::money(highCap, currency));
        }
    }
    return out;
}

} // namespace tierdesk::ui
