#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tierdesk::connectors {

// The {placeholders} of an `http` connector's requests. Text that is not a known
// placeholder's name in braces stays as written, so a JSON body's own braces need
// no escaping: `{"order": "{orderId}"}` fills only {orderId}.
class RequestTemplate {
public:
    enum class Encoding {
        Url, // paths and query values: every byte but A-Z a-z 0-9 - . _ ~ as %XX
        Json, // bodies: the characters a JSON string needs escaped (the quotes are the template's)
    };
    using Values = QHash<QString, QString>;

    static constexpr int kMaxChars = 4096; // of one template
    static constexpr int kMaxValueChars = 1024; // of one value filled in

    // orderId, customerId, email, phone, amount, amountCents, currency, reason,
    // paymentReference, sessionId, idempotencyKey.
    static const QStringList &names();

    // InvalidArgument naming the first unknown {name} (a word in braces that is no placeholder).
    static Status check(const QString &text);
    // The placeholders `text` uses.
    static QStringList used(const QString &text);
    // `text` with every placeholder replaced; InvalidArgument when a value is missing or too long.
    static Result<QString> fill(const QString &text, const Values &values, Encoding encoding);

    static QString jsonEscaped(const QString &value);
};

} // namespace tierdesk::connectors
