#include "core/api/chat/ChatWidget.h"

#include "core/api/chat/ChatErrors.h"
#include "core/common/Time.h"

#include <algorithm>

namespace tierdesk::api {

QByteArray ChatWidget::contentSecurityPolicy(const QStringList &allowedOrigins)
{
    QByteArray policy = ChatPage::kContentSecurityPolicy;
    policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
    for (const QString &origin : allowedOrigins)
        policy += ' ' + origin.toUtf8(); // normalised when stored: scheme://host[:port], nothing else
    return policy;
}

bool ChatWidget::mayShow(const QByteArray &origin, const QString &ownOrigin, const QStringList &allowedOrigins)
{
    if (origin.isEmpty())
        return true;
    const QString asSent = WebChannelSettings::origin(QString::fromUtf8(origin));
    return !asSent.isEmpty() && (asSent == WebChannelSettings::origin(ownOrigin) || allowedOrigins.contains(asSent));
}

std::optional<WebChannelSettings> ChatWidget::channelOf(
    const http::HttpRequest &req, const http::HttpResponder &res, QString *companyId)
{
    const KeyVerdict key = m_access.widgetKey(req.query.queryItemValue(QStringLiteral("key")).toUtf8());
    if (!key.accepted()) {
        res.send(chat::error(ErrorKind::Unauthenticated,
            key.refusal == KeyRefusal::NoCredential ? QStringLiteral("Widget key required (?key=)")
                                                    : QStringLiteral("Invalid widget key")));
        return std::nullopt;
    }
    if (companyId)
        *companyId = key.key->companyId;
    ChannelAccounts *channels = m_access.services().channels;
    if (!channels)
        return WebChannelSettings{};
    const Result<WebChannelSettings> web = channels->web(key.key->companyId);
    if (!web) {
        res.send(chat::error(web.error()));
        return std::nullopt;
    }
    return *web;
}

// What widget.js and the panel show: the company's title, colour, greeting, side and language,
// and which forms it asks for. Never the secret, nor the list of origins.
void ChatWidget::config(const http::HttpRequest &req, const http::HttpResponder &res)
{
    QString companyId;
    const auto web = channelOf(req, res, &companyId);
    if (!web)
        return;
    if (!mayShow(req.header("origin"), req.baseUrl(), web->allowedOrigins))
        return res.send(chat::error(
            ErrorKind::Forbidden, QStringLiteral("This site is not among the web channel's allowed origins")));
    QJsonObject look{{QStringLiteral("title"), web->title}, {QStringLiteral("color"), web->color},
        {QStringLiteral("greeting"), web->greeting}, {QStringLiteral("position"), web->position},
        {QStringLiteral("language"), web->language}, {QStringLiteral("identity"), web->identity},
        {QStringLiteral("preChat"),
            QJsonObject{{QStringLiteral("askName"), web->askName}, {QStringLiteral("askEmail"), web->askEmail}}},
        {QStringLiteral("offline"), QJsonObject{{QStringLiteral("collectEmail"), web->collectEmail}}},
        {QStringLiteral("attachments"),
            QJsonObject{
                {QStringLiteral("enabled"), web->attachments}, {QStringLiteral("maxMB"), web->maxAttachmentMB}}}};
    const Result<Company> company = m_access.services().engine->company(companyId);
    look.insert(QStringLiteral("hours"), hoursOf(company ? &*company : nullptr));
    look.insert(QStringLiteral("peopleAvailable"), personFree(company ? &*company : nullptr));
    // ratings.chat: whether the panel and the chat page ask for stars once a conversation is resolved.
    look.insert(QStringLiteral("rating"), company ? company->config.ratings.chat : true);
    res.send(chat::json(200, QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("data"), look}}));
}

// Whether one of the company's people is at the desk now (connected, not away) for one of its queues.
bool ChatWidget::personFree(const Company *company) const
{
    const Desk *desk = m_access.services().desk;
    if (!desk || !company)
        return true;
    const QList<DeskQueue> &queues = company->config.desk.queues;
    return std::any_of(queues.cbegin(), queues.cend(),
        [&](const DeskQueue &q) { return desk->anyAgentAvailable(company->id, q.name); });
}

// Whether the company's people work now (desk.businessHours; none set: always) and, when they do
// not, when they are back: what the panel tells a visitor who asks for a person.
QJsonObject ChatWidget::hoursOf(const Company *company) const
{
    const qint64 now = m_access.services().engine->clock().nowMs();
    const std::optional<BusinessHours> &hours = company ? company->config.desk.businessHours : std::nullopt;
    if (!hours || hours->isOpen(now))
        return {{QStringLiteral("open"), true}, {QStringLiteral("nextOpening"), QJsonValue::Null}};
    const qint64 next = hours->nextOpening(now);
    return {{QStringLiteral("open"), false},
        {QStringLiteral("nextOpening"), next > 0 ? QJsonValue(timefmt::iso(next)) : QJsonValue::Null}};
}

void ChatWidget::panel(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const auto web = channelOf(req, res);
    if (!web)
        return;
    res.send(m_page.respond(QStringLiteral("widget.html"), req, contentSecurityPolicy(web->allowedOrigins)));
}

} // namespace tierdesk::api
