#include "core/api/twilio/TwilioRoutes.h"

#include "core/api/twilio/TwilioWebhookController.h"

namespace tierdesk::api {

// Twilio's Messaging webhooks, set on the company's numbers (A MESSAGE COMES IN) and sent as each
// reply's StatusCallback; signed with X-Twilio-Signature by the company's auth token, no other
// credential.
void installTwilioRoutes(http::HttpServer &server, TwilioServices &services)
{
    TwilioServices *s = &services;
    http::Router &r = server.router();
    r.route("POST", QStringLiteral("/api/v1/twilio/:companyId/messages"), // an SMS or WhatsApp message
        [s](const http::HttpRequest &req, const http::HttpResponder &res) {
            TwilioWebhookController::message(req, res, *s);
        });
    r.route("POST", QStringLiteral("/api/v1/twilio/:companyId/status"), // StatusCallback of a reply
        [s](const http::HttpRequest &req, const http::HttpResponder &res) {
            TwilioWebhookController::status(req, res, *s);
        });
}

} // namespace tierdesk::api
