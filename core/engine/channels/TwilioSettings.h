#pragma once

#include <QString>
#include <QStringList>

namespace tierdesk {

// A company's Twilio account for SMS and WhatsApp (PUT /api/cs/channels/twilio). The auth token is
// sealed in the store and never shown back.
struct TwilioSettings {
    QString accountSid; // "AC" + 32 hex digits
    QString authToken; // signs Twilio's webhooks and authenticates our requests
    QStringList numbers; // "+15550100" (SMS) or "whatsapp:+15550100"
    QString apiUrl = QStringLiteral("https://api.twilio.com");

    bool isConfigured() const { return !accountSid.isEmpty(); }
    // "+15550100" of "whatsapp:+15550100" (a number as a phone has it).
    static QString bareNumber(const QString &address)
    {
        return address.startsWith(QLatin1String("whatsapp:")) ? address.mid(9) : address;
    }
};

} // namespace tierdesk
