#include "ui/models/CustomerLabel.h"

namespace tierdesk::ui {
namespace {
const QLatin1String kVisitorPrefix("visitor_");
constexpr int kShortIdChars = 6;
} // namespace

bool CustomerLabel::isVisitorId(const QString &customerId)
{
    return customerId.startsWith(kVisitorPrefix);
}

QString CustomerLabel::givenName(const QJsonObject &customer)
{
    const QString name = customer.value(QLatin1String("name")).toString().trimmed();
    // The server falls back to the customer id where a visitor gave no name.
    return name == customer.value(QLatin1String("id")).toString() || isVisitorId(name) ? QString() : name;
}

QString CustomerLabel::of(const QJsonObject &customer)
{
    if (const QString name = givenName(customer); !name.isEmpty())
        return name;
    const QString id = customer.value(QLatin1String("id")).toString();
    const QString name = customer.value(QLatin1String("name")).toString().trimmed();
    const QString visitor = isVisitorId(id) ? id : (isVisitorId(name) ? name : QString());
    if (!visitor.isEmpty())
        return tr("Web visitor %1").arg(visitor.mid(kVisitorPrefix.size(), kShortIdChars));
    return id;
}

} // namespace tierdesk::ui
