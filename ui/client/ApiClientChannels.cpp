// ApiClient's inbox channels: the company's mailbox, its web chat on its site and its Twilio
// numbers (ApiClient.cpp holds the rest of the client).
#include "ui/client/ApiClient.h"

namespace tierdesk::ui {

ApiReply *ApiClient::emailChannel()
{
    return send("GET", QStringLiteral("/api/cs/channels/email"), {}, companyQuery());
}

ApiReply *ApiClient::putEmailChannel(const QJsonObject &mailbox)
{
    return send("PUT", QStringLiteral("/api/cs/channels/email"), mailbox, companyQuery(), true);
}

ApiReply *ApiClient::removeEmailChannel()
{
    return send("DELETE", QStringLiteral("/api/cs/channels/email"), {}, companyQuery());
}

ApiReply *ApiClient::pollEmailChannel()
{
    // An IMAP fetch may take as long as the mail server needs: the model call's longer wait.
    return request(
        "POST", QStringLiteral("/api/cs/channels/email/poll"), {}, companyQuery(), true, {}, true, kModelTimeoutMs);
}

ApiReply *ApiClient::webChannel()
{
    return send("GET", QStringLiteral("/api/cs/channels/web"), {}, companyQuery());
}

ApiReply *ApiClient::putWebChannel(const QJsonObject &settings)
{
    return send("PUT", QStringLiteral("/api/cs/channels/web"), settings, companyQuery(), true);
}

ApiReply *ApiClient::newWebIdentitySecret()
{
    return send("POST", QStringLiteral("/api/cs/channels/web/identity-secret"), QJsonObject{}, companyQuery(), true);
}

ApiReply *ApiClient::twilioChannel()
{
    return send("GET", QStringLiteral("/api/cs/channels/twilio"), {}, companyQuery());
}

ApiReply *ApiClient::putTwilioChannel(const QJsonObject &account)
{
    return send("PUT", QStringLiteral("/api/cs/channels/twilio"), account, companyQuery(), true);
}

ApiReply *ApiClient::removeTwilioChannel()
{
    return send("DELETE", QStringLiteral("/api/cs/channels/twilio"), {}, companyQuery());
}

} // namespace tierdesk::ui
