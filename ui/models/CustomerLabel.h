#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace tierdesk::ui {

// How the console names a customer: the name they have (a web chat visitor's is the one they
// gave), else "Web visitor 029e7c" for a visitor, never the raw "visitor_029e7c6ba…" id.
class CustomerLabel {
    Q_DECLARE_TR_FUNCTIONS(CustomerLabel)

public:
    // `customer` as the API sends it: {"id", "name", ...} (either may be missing).
    static QString of(const QJsonObject &customer);
    // The name itself, "" when the customer has none of their own (a raw id is none).
    static QString givenName(const QJsonObject &customer);
    static bool isVisitorId(const QString &customerId);
};

} // namespace tierdesk::ui
