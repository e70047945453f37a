#include "core/engine/knowledge/ZendeskHelpCenter.h"

#include "core/engine/knowledge/WebsiteCrawl.h"
#include "core/integrations/connectors/ConnectorClient.h"
#include "core/integrations/web/HtmlPage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace tierdesk {
namespace {

FetchedPage articlePage(const QJsonObject &a)
{
    FetchedPage page;
    page.requestedUrl = a.value(QLatin1String("html_url")).toString();
    page.url = page.requestedUrl;
    page.title = a.value(QLatin1String("title")).toString().simplified();
    QStringList labels;
    for (const QJsonValue &l : a.value(QLatin1String("label_names")).toArray())
        labels << l.toString();
    page.keywords = labels.join(QStringLiteral(", "));
    page.lastModified = a.value(QLatin1String("updated_at")).toString();
    const QByteArray html
        = "<html><body><main>" + a.value(QLatin1String("body")).toString().toUtf8() + "</main></body></html>";
    const Result<web::HtmlPage> body = web::HtmlPage::parse(html, QUrl(page.url), QByteArrayLiteral("utf-8"));
    page.text = body ? body->text : QString();
    if (!body || page.text.trimmed().isEmpty() || page.title.isEmpty() || page.url.isEmpty()) {
        page.outcome = FetchedPage::Outcome::Failed;
        page.error = body ? QStringLiteral("no text") : body.error().message;
    }
    return page;
}

} // namespace

ZendeskHelpCenter::ZendeskHelpCenter(OutboundHttp &http, KbSource source, Callbacks callbacks)
    : m_http(http), m_source(std::move(source)), m_callbacks(std::move(callbacks))
{
}

Status ZendeskHelpCenter::run(bool *complete)
{
    *complete = false;
    const QUrl base(m_source.url);
    QUrl next = base;
    next.setPath(QStringLiteral("/api/v2/help_center/%1/articles.json").arg(m_source.settings.locale));
    next.setQuery(QStringLiteral("page[size]=%1").arg(kPageSize));
    int found = 0;
    int taken = 0;
    while (!m_cancelled) {
        OutboundRequest r;
        r.method = QByteArrayLiteral("GET");
        r.url = next;
        r.timeoutMs = kTimeoutMs;
        r.keepResponseBytes = kMaxAnswerBytes;
        r.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("User-Agent"), WebsiteCrawl::userAgent()}};
        connectors::ConnectorClient::addAuth(r, m_source.auth, QDateTime::currentDateTimeUtc());
        const OutboundResult answer = m_http.post(r);
        if (!answer.ok())
            return makeError(answer.refused ? ErrorKind::InvalidArgument : ErrorKind::Unavailable,
                QStringLiteral("the Help Center API answered %1").arg(answer.error));
        QJsonParseError parseError;
        const QJsonObject listing = QJsonDocument::fromJson(answer.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || !listing.value(QLatin1String("articles")).isArray())
            return makeError(ErrorKind::Unavailable, QStringLiteral("the Help Center API's answer holds no articles"));
        for (const QJsonValue &v : listing.value(QLatin1String("articles")).toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(QLatin1String("draft")).toBool())
                continue;
            if (taken >= m_source.settings.maxPages)
                return Ok{}; // cut at maxPages: not complete
            ++taken;
            if (m_callbacks.found)
                m_callbacks.found(++found);
            if (m_callbacks.page)
                m_callbacks.page(articlePage(a));
        }
        const bool more = listing.value(QLatin1String("meta")).toObject().value(QLatin1String("has_more")).toBool();
        const QUrl link(listing.value(QLatin1String("links")).toObject().value(QLatin1String("next")).toString());
        if (!more) {
            *complete = true;
            return Ok{};
        }
        if (!link.isValid() || link.host().compare(base.host(), Qt::CaseInsensitive) != 0
            || link.port(-1) != base.port(-1))
            return makeError(ErrorKind::Unavailable, QStringLiteral("the Help Center API's next page is elsewhere"));
        next = link;
    }
    return Ok{};
}

} // namespace tierdesk
