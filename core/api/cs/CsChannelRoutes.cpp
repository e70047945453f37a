// /api/cs/channels: a company's mailbox, Twilio account and web chat (admin), and a session's mails and texts
// with their delivery and files (agents). Secrets are write-only (docs/channels.md).
#include "core/api/cs/CsApi.h"

#include "core/api/common/FileDownload.h"
#include "core/api/common/OffThread.h"
#include "core/api/cs/CsChannelJson.h"
#include "core/api/cs/CsErrors.h"
#include "core/engine/access/ApiKeyMaker.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/channels/Channels.h"

#include <QJsonArray>

namespace tierdesk::api {

bool CsApi::channelsReady(Call &c)
{
    if (m_channels)
        return true;
    fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("Inbox channels are not available on this server")));
    return false;
}

void CsApi::putEmailChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const Result<MailboxSettings> settings = cs::emailSettings(*body);
    if (!settings)
        return fail(c, settings.error());
    bool created = false;
    const Result<MailboxSettings> put = m_channels->accounts().putEmail(*company, *settings, c.actor, &created);
    if (!put)
        return fail(c, put.error());
    const Result<EmailMailboxState> state = m_channels->accounts().emailState(*company);
    reply(c,
        http::HttpResponse::json(
            created ? 201 : 200, cs::emailSettingsJson(*put, state ? *state : EmailMailboxState{})));
}

void CsApi::getEmailChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const Result<MailboxSettings> settings = m_channels->accounts().email(*company);
    if (!settings)
        return fail(c, settings.error());
    const Result<EmailMailboxState> state = m_channels->accounts().emailState(*company);
    reply(c, http::HttpResponse::json(200, cs::emailSettingsJson(*settings, state ? *state : EmailMailboxState{})));
}

void CsApi::deleteEmailChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    if (const Status removed = m_channels->accounts().removeEmail(*company, c.actor); !removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

// The console's "Fetch now": the mailbox polled at once (or the poll running joined); answers
// once it ended with the mails it imported.
void CsApi::pollEmail(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const auto later = defer(c);
    m_channels->poller().pollNow(*company, this, [this, later](Result<qint64> fetched) {
        Call done = later->call();
        if (!fetched)
            return fail(done, fetched.error());
        reply(done, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("fetched"), *fetched}}));
    });
}

void CsApi::putTwilioChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const Result<TwilioSettings> settings = cs::twilioSettings(*body);
    if (!settings)
        return fail(c, settings.error());
    bool created = false;
    const Result<TwilioSettings> put = m_channels->accounts().putTwilio(*company, *settings, c.actor, &created);
    if (!put)
        return fail(c, put.error());
    reply(c, http::HttpResponse::json(created ? 201 : 200, cs::twilioSettingsJson(*put)));
}

void CsApi::getTwilioChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const Result<TwilioSettings> settings = m_channels->accounts().twilio(*company);
    if (!settings)
        return fail(c, settings.error());
    reply(c, http::HttpResponse::json(200, cs::twilioSettingsJson(*settings)));
}

void CsApi::deleteTwilioChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    if (const Status removed = m_channels->accounts().removeTwilio(*company, c.actor); !removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::getWebChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const Result<WebChannelSettings> settings = m_channels->accounts().web(*company);
    if (!settings)
        return fail(c, settings.error());
    reply(c, http::HttpResponse::json(200, cs::webChannelJson(*settings, webSnippet(c, *company, false))));
}

void CsApi::putWebChannel(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const Result<WebChannelSettings> current = m_channels->accounts().web(*company);
    if (!current)
        return fail(c, current.error());
    const Result<WebChannelSettings> settings = cs::webChannelSettings(*body, *current);
    if (!settings)
        return fail(c, settings.error());
    const Result<WebChannelSettings> put = m_channels->accounts().putWeb(*company, *settings, c.actor);
    if (!put)
        return fail(c, put.error());
    reply(c, http::HttpResponse::json(200, cs::webChannelJson(*put, webSnippet(c, *company, true))));
}

void CsApi::newWebIdentitySecret(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const Result<QString> secret = m_channels->accounts().newWebIdentitySecret(*company, c.actor);
    if (!secret)
        return fail(c, secret.error());
    reply(c, http::HttpResponse::json(201, QJsonObject{{QStringLiteral("secret"), *secret}}));
}

QString CsApi::webSnippet(Call &c, const QString &companyId, bool makeKey)
{
    QString key;
    const qint64 now = m_engine.clock().nowMs();
    if (const auto tokens = m_people.apiTokens->list(companyId))
        for (const ApiTokenRecord &t : *tokens)
            if (t.kind == tokenkind::Widget && t.revokedAt == 0 && !t.expired(now)) {
                key = t.lookup; // the first that works
                break;
            }
    if (key.isEmpty() && makeKey) {
        ApiKeyRequest request;
        request.kind = tokenkind::Widget;
        request.name = QStringLiteral("Web channel");
        if (const auto issued = m_people.apiTokens->createKey(companyId, request, c.actor))
            key = issued->credential.value(QLatin1String("key")).toString();
    }
    if (key.isEmpty())
        return {};
    return QStringLiteral("<script src=\"%1/widget.js\" data-key=\"%2\" async></script>").arg(c.req.baseUrl(), key);
}

void CsApi::sessionChannel(Call &c)
{
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    if (const auto s = m_engine.sessionHeader(id); !s || s->companyId != c.who.company)
        return fail(
            c, cs::error(ErrorKind::NotFound, ErrorDetail::SessionNotFound, QStringLiteral("Session not found")));
    if (!channelsReady(c))
        return;
    QJsonArray messages;
    for (const ChannelMessageRow &row : m_channels->deliveries(c.who.company, id))
        messages.append(cs::channelMessageJson(row));
    const std::optional<ChannelThread> thread = m_channels->thread(id);
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("thread"), thread ? QJsonValue(cs::channelThreadJson(*thread)) : QJsonValue()},
                {QStringLiteral("messages"), messages}}));
}

void CsApi::sessionFile(Call &c)
{
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    if (!channelsReady(c))
        return;
    const Result<ChannelFile> file
        = m_channels->file(c.who.company, id, c.req.pathParams.value(QStringLiteral("fileId")));
    if (!file)
        return fail(c, file.error());
    http::HttpResponse out;
    out.status = 200;
    // Never shown inline: a mail's HTML or an attachment could be a page of someone else's making.
    out.contentType = file->kind == QLatin1String("original") ? QByteArrayLiteral("message/rfc822")
                                                              : QByteArrayLiteral("application/octet-stream");
    out.body = file->content;
    out.withHeader("Content-Disposition", contentDisposition(file->name));
    reply(c, std::move(out));
}

// A mail handed in by a mail server (message/rfc822): read off the engine thread, then stored
// and threaded as a polled one is. 201 when it was stored, 200 when its Message-ID was already.
void CsApi::inboundEmail(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company || !channelsReady(c))
        return;
    const QByteArray type = c.req.header("content-type").split(';').first().trimmed().toLower();
    if (type != "message/rfc822")
        return fail(c, cs::invalid(QStringLiteral("Content-Type"), QStringLiteral("The body must be message/rfc822")));
    const Result<MailboxSettings> mailbox = m_channels->accounts().email(*company);
    if (!mailbox)
        return fail(c, mailbox.error());
    const auto later = defer(c);
    offThread<Result<MailInbox::Parsed>>(
        this, m_recordingPool,
        [raw = c.req.body, maxBytes = mailbox->maxBytes] { return MailInbox::parse(raw, maxBytes); },
        [this, later, company = *company](const Result<MailInbox::Parsed> &parsed) {
            Call answer = later->call();
            if (!parsed)
                return fail(answer, parsed.error());
            m_channels->mail().receive(company, *parsed, this, [this, later](Result<MailInbox::Receipt> receipt) {
                Call done = later->call();
                if (!receipt)
                    return fail(done, receipt.error());
                reply(done,
                    http::HttpResponse::json(receipt->duplicate ? 200 : 201,
                        QJsonObject{{QStringLiteral("sessionId"), receipt->sessionId},
                            {QStringLiteral("duplicate"), receipt->duplicate}}));
            });
        });
}

} // namespace tierdesk::api
