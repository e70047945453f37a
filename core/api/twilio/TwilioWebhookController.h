#pragma once

#include "core/api/http/HttpResponder.h"
#include "core/api/twilio/TwilioServices.h"
#include "core/integrations/twilio/TwilioSignature.h"

namespace tierdesk::api {

// Twilio's webhooks for a company: POST /api/v1/twilio/{companyId}/messages (an SMS or WhatsApp
// message came in) and POST /api/v1/twilio/{companyId}/status (a StatusCallback: delivered,
// failed...). Each is an application/x-www-form-urlencoded form (else 415) of at most
// kMaxBodyBytes (else 413), from the company's Twilio account (no channel: 404), verified by its
// X-Twilio-Signature over the URL Twilio called (TwilioServices::publicBaseUrl, else the Host
// header) before anything is stored (bad or missing: 403), and of the company's AccountSid (else
// 403). Fields beyond their limits or missing: 400.
class TwilioWebhookController {
public:
    static constexpr qint64 kMaxBodyBytes = 64 * 1024;
    static constexpr int kMaxFields = 100; // Twilio sends about 20, and two per media item
    static constexpr int kMaxNameChars = 64;
    static constexpr int kMaxValueChars = 1024; // but the Body
    static constexpr int kMaxBodyChars = 4096; // WhatsApp's longest message (SMS: 1600)
    static constexpr int kMaxAddressChars = 64; // "whatsapp:+" and a number
    static constexpr int kMaxCompanyIdChars = 128;
    static constexpr int kMaxMedia = 10; // Twilio's NumMedia at most

    // A message came in: passed to the inbox (which finds a MessageSid seen before), then 200 with
    // an empty TwiML <Response/> once committed: the reply goes out later through the REST API.
    static void message(const http::HttpRequest &req, const http::HttpResponder &res, TwilioServices &services);
    // A delivery report: passed to the inbox, then 204.
    static void status(const http::HttpRequest &req, const http::HttpResponder &res, TwilioServices &services);

    // The URL Twilio signed for `req` with this public base (empty: http://<Host header>).
    static QString signedUrl(const http::HttpRequest &req, const QString &publicBaseUrl);
    // The form's fields, decoded, in the order sent; InvalidArgument when it is not one.
    static Result<TwilioSignature::Params> parseForm(const QByteArray &body);
};

} // namespace tierdesk::api
