#pragma once

#include "core/common/Result.h"
#include "core/domain/Connector.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace tierdesk::connectors {

// The contact an invocation is made for, as Amazon Connect describes it to a Lambda.
struct ConnectContact {
    QString contactId; // the session's id
    QString channel = QStringLiteral("CHAT"); // VOICE, CHAT, TASK, EMAIL
    QString address; // the customer's phone number, e-mail or id
    QString addressType; // TELEPHONE_NUMBER, EMAIL_ADDRESS, or empty
    QString queueName;
    QMap<QString, QString> attributes; // the contact's attributes (strings only, as in Connect)
};

// Amazon Connect's Lambda invocation: the event Connect sends, and the answer as seed
// 004's function returns it. Connect's own limits hold: 8 s at most, an answer under 32 KB.
class ConnectEvent {
public:
    static constexpr int kMaxTimeoutMs = 8000;
    static constexpr int kMaxAnswerBytes = 32 * 1024 - 1;

    // {"Name": "ContactFlowEvent", "Details": {"ContactData": {...}, "Parameters": {...}}}
    static QByteArray invocation(const ConnectContact &contact, const QMap<QString, QString> &parameters);

    // The order in an answer with HTTP `status` (a function URL passes the function's
    // statusCode on), read as the function returns it: {"statusCode", "body"} with `body` a
    // JSON string or object, or Connect's flat map of strings. Nullopt: no such order
    // (404). An error: anything else (another status, not JSON, no orderStatus).
    static Result<std::optional<SourcedOrder>> readOrder(int status, const QByteArray &body);
};

} // namespace tierdesk::connectors
