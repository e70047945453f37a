// ApiClient's inbox channels: the company's mailbox, its web chat on its site and its Twilio
// numbers (ApiClient.cpp holds the rest of the client).
#include "ui/client/ApiClient.h"

namespace tierdesk::ui {

ApiReply *ApiClient::emailChannel()
{
    return send(
        "GET", QStringLiteral("/api/cs/channels/email"), {}, QUrlQuery{{QStringLiteral("companyId"), m_companyId}});
}

ApiReply *ApiClient::putEmailChannel(const QJsonObject &mailbox)
{
    return send("PUT", QStringLiteral("/api/cs/channels/email"), mailbox,
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}}, true);
}

ApiReply *ApiClient::removeEmailChannel()
{
    return send(
        "DELETE", QStringLiteral("/api/cs/channels/email"), {}, QUrlQuery{{QStringLiteral("companyId"), m_companyId}});
}

ApiReply *ApiClient::pollEmailChannel()
{
    // An IMAP fetch may take as long as the mail server needs: the model call's longer wait.
    return request("POST", QStringLiteral("/api/cs/channels/email/poll"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}}, true, {}, true, kModelTimeoutMs);
}

ApiReply *ApiClient::webChannel()
{
    return send(
        "GET", QStringLiteral("/api/cs/channels/web"), {}, QUrlQuery{{QStringLiteral("companyId"), m_companyId}});
}

ApiReply *ApiClient::putWebChannel(const QJsonObject &settings)
{
    return send("PUT", QStringLiteral("/api/cs/channels/web"), settings,
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}}, true);
}

ApiReply *ApiClient::newWebIdentitySecret()
{
    return send("POST", QStringLiteral("/api/cs/channels/web/identity-secret"), QJsonObject{},
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}}, true);
}

ApiReply *ApiClient::twilioChannel()
{
    return send(
        "GET", QStringLiteral("/api/cs/channels/twilio"), {}, QUrlQuery{{QStringLiteral("companyId"), m_companyId}});
}

ApiReply *ApiClient::putTwilioChannel(const QJsonObject &account)
{
    return send("PUT", QStringLiteral("/api/cs/channels/twilio"), account,
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}}, true);
}

ApiReply *ApiClient::removeTwilioChannel()
{
    return send(
        "DELETE", QStringLiteral("/api/cs/channels/twilio"), {}, QUrlQuery{{QStringLiteral("companyId"), m_companyId}});
}

} // namespace tierdesk::ui
