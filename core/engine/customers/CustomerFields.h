#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"

#include <QJsonObject>
#include <QStringList>

namespace tierdesk {

// The one set of rules for a customer as an admin gives it: PUT /api/cs/customers/:id and every
// row of an import (CSV or NDJSON) are read by it, so a row is refused exactly as a PUT would be.
// Errors are InvalidArgument naming the field.
class CustomerFields {
public:
    static constexpr int kMaxIdChars = 128;
    static constexpr int kMaxNameChars = 200;
    static constexpr int kMaxEmailChars = 254;
    static constexpr int kMaxTierChars = 32;
    static constexpr int kMaxAttributes = 50;
    static constexpr int kMaxAttributesBytes = 8 * 1024; // as compact JSON
    static constexpr int kMaxAttributeKeyChars = 64;
    static constexpr double kMaxMoney = 1e12;

    // The columns of a CSV import that are the customer's own; every other column is an attribute.
    static const QStringList &csvColumns();

    // `fields` as a customer `id` of `companyId` (id and companyId set by the caller, not read; an
    // import's row may have no id). `name` is required; the rest take their defaults when absent.
    static Result<Customer> fromJson(const QString &companyId, const QString &id, const QJsonObject &fields);
    // A CSV row's cells by header, typed as fromJson reads them (isVIP a boolean, lifetimeValue a
    // number); the columns that are not csvColumns() go into attributes, empty cells are absent.
    static QJsonObject csvFields(const QStringList &header, const QStringList &cells);

    static Status checkId(const QString &id);
    // "+49 30 1234-567" -> "+49301234567"; empty when it is no E.164-like number (7 to 15 digits).
    static QString normalizedPhone(const QString &phone);
    static bool plausibleEmail(const QString &email);
    // The keys of `fields` that hold a value (null counts as absent).
    static QStringList givenFields(const QJsonObject &fields);
    // An imported row over the stored customer: the fields the row gives replace the stored ones,
    // its attributes are laid over the stored attributes, the rest stays (balance, subscription...).
    static Customer merged(const Customer &stored, const Customer &row, const QStringList &given);
    // Whether two customers say the same (what an import reports as unchanged).
    static bool sameFields(const Customer &a, const Customer &b);

private:
    static Status readOptional(const QJsonObject &fields, Customer &c);
    static Status readAttributes(const QJsonValue &value, Customer &c);
    static Status readSubscription(const QJsonValue &value, Customer &c);
};

} // namespace tierdesk
