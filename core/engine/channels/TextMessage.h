#pragma once

#include "core/engine/channels/TwilioSettings.h"

#include <QString>
#include <QStringList>

namespace tierdesk {

// A text that came in through Twilio's Messaging webhook, already verified (X-Twilio-Signature).
struct InboundText {
    QString companyId;
    QString messageSid; // Twilio's id: a MessageSid seen before is not stored again
    QString from; // "+15551234567" or "whatsapp:+15551234567"
    QString to; // one of the company's numbers
    QString body;
    QString profileName; // WhatsApp's ProfileName, when sent
    QStringList mediaUrls; // MediaUrl0..N (never fetched by the AI)

    bool whatsapp() const { return from.startsWith(QLatin1String("whatsapp:")); }
};

// A reply to send through Twilio's Messages API (one request per part, at most kMaxBodyChars).
struct OutboundText {
    QString companyId;
    QString sessionId;
    QString messageId; // the conversation's message this part belongs to
    QString from; // the company's number the customer wrote to
    QString to;
    QString body;
    QString statusCallback; // absolute URL of POST /api/v1/twilio/{companyId}/status
    TwilioSettings account;

    static constexpr int kMaxBodyChars = 1600;
};

// A delivery report from Twilio's StatusCallback, already verified.
struct TextStatus {
    QString companyId;
    QString messageSid;
    QString status; // queued, sent, delivered, undelivered, failed, read
    QString errorCode; // Twilio's ErrorCode when failed or undelivered
};

} // namespace tierdesk
