// Files in a web chat conversation (docs/api.md, "Files in a conversation"): a person at the desk
// sends one to the customer as a reply, and whoever may read the session reads its files.
#include "core/api/common/FileDownload.h"
#include "core/api/cs/CsApi.h"
#include "core/api/cs/CsErrors.h"
#include "core/api/http/MultipartForm.h"
#include "core/engine/channels/Channels.h"
#include "core/engine/channels/SessionFiles.h"

namespace tierdesk::api {

void CsApi::postSessionAttachment(Call &c)
{
    if (!deskReady(c) || !channelsReady(c))
        return;
    const Result<http::MultipartForm> form = http::MultipartForm::parse(c.req.header("content-type"), c.req.body);
    if (!form)
        return fail(c, cs::invalid(QStringLiteral("file"), form.error().message));
    AgentReply r;
    r.content = form->text("content");
    r.basedOn = form->text("basedOn").trimmed();
    r.force = form->text("force").trimmed() == QLatin1String("true");
    const http::MultipartForm::Part *file = form->first("file");
    if (!file)
        return fail(c, cs::invalid(QStringLiteral("file"), QStringLiteral("A file part is required")));
    const QString sessionId = c.req.pathParams.value(QStringLiteral("id"));
    const Result<SessionFile> accepted
        = SessionFiles(m_engine.core(), m_channels->accounts())
              .accept(c.who.company, sessionId, QStringLiteral("agent"), file->fileName, file->data);
    if (!accepted)
        return fail(c, accepted.error());
    r.files.append(*accepted);
    sendAgentReply(c, r);
}

void CsApi::sessionAttachment(Call &c)
{
    if (!channelsReady(c))
        return;
    const QString sessionId = c.req.pathParams.value(QStringLiteral("id"));
    // A customer's own token reads only their own sessions' files (the session's scope).
    if (const auto s = m_engine.session(c.who.company, sessionId, MessageWindow{1}, c.actor.customerScope); !s)
        return fail(c, s.error());
    const Result<SessionFile> file
        = SessionFiles(m_engine.core(), m_channels->accounts())
              .read(c.who.company, sessionId, c.req.pathParams.value(QStringLiteral("attachmentId")));
    if (!file)
        return fail(c, file.error());
    reply(c, sessionFileDownload(*file));
}

} // namespace tierdesk::api
