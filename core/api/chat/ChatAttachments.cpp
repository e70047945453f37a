// Files in the web chat (docs/chat-api.md, "Files"): the visitor sends one into their session and
// reads those of their session. Whether the company takes files, their limit and what a file is
// (its bytes, not its name) are SessionFiles'.
#include "core/api/chat/ChatApi.h"
#include "core/api/chat/ChatErrors.h"
#include "core/api/chat/ChatJson.h"
#include "core/api/common/FileDownload.h"
#include "core/api/http/MultipartForm.h"
#include "core/engine/channels/SessionFiles.h"

namespace tierdesk::api {

void ChatApi::postAttachment(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const Result<http::MultipartForm> form = http::MultipartForm::parse(req.header("content-type"), req.body);
    if (!form)
        return res.send(chat::error(ErrorKind::InvalidArgument, form.error().message));
    const QString sessionId = form->text("sessionId").trimmed();
    const http::MultipartForm::Part *file = form->first("file");
    if (sessionId.isEmpty() || !file)
        return res.send(chat::error(ErrorKind::InvalidArgument,
            QStringLiteral("A multipart/form-data body with sessionId and file is required")));
    const auto visitor = visitorOf(req, res, sessionId);
    if (!visitor)
        return;
    if (!m_access.services().channels)
        return res.send(chat::error(ErrorKind::Forbidden, QStringLiteral("This server's chat takes no files")));
    if (const RateDecision d
        = m_access.allow(QStringLiteral("messages"), visitor->sessionId, m_access.services().limits.messagesPerSession);
        !d.allowed)
        return res.send(chat::rateLimited(d.retryAfter));
    if (const auto s = m_engine.sessionHeader(visitor->sessionId); s && s->status == SessionStatus::Resolved)
        return res.send(chat::error(
            ErrorKind::Conflict, ErrorDetail::SessionResolved, QStringLiteral("The chat session has ended")));
    SessionFiles files(m_engine.core(), *m_access.services().channels);
    const Result<SessionFile> accepted
        = files.accept(visitor->companyId, visitor->sessionId, QStringLiteral("customer"), file->fileName, file->data);
    if (!accepted)
        return res.send(chat::error(accepted.error()));
    if (const Status kept = files.keep(*accepted); !kept)
        return res.send(chat::error(kept.error()));
    // The visitor's words with the file, else its name: a message of the conversation the AI leaves
    // to the people at the desk.
    const QString caption = form->text("message").trimmed();
    MessageMeta meta;
    meta.files.append(SessionFiles::refOf(*accepted));
    m_engine.postMessage(
        visitor->companyId, visitor->sessionId, caption.isEmpty() ? accepted->name : caption,
        m_access.actorFor(*visitor, req.peerAddress), this,
        [this, res, ref = meta.files.first()](Result<MessageOutcome> outcome) {
            if (!outcome)
                return res.send(chat::error(outcome.error()));
            QJsonObject data = chat::messageOutcome(*outcome);
            data.insert(QStringLiteral("attachment"), chat::attachment(ref));
            replyAfterCommit(
                res, chat::json(201, QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("data"), data}}));
        },
        meta);
}

void ChatApi::attachment(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const QString sessionId = req.query.queryItemValue(QStringLiteral("sessionId"));
    if (sessionId.isEmpty())
        return res.send(chat::error(ErrorKind::InvalidArgument, QStringLiteral("sessionId is required")));
    const auto visitor = readerOf(req, res, sessionId);
    if (!visitor || !m_access.services().channels)
        return visitor ? res.send(chat::error(ErrorKind::NotFound, QStringLiteral("No such file"))) : void();
    const Result<SessionFile> file
        = SessionFiles(m_engine.core(), *m_access.services().channels)
              .read(visitor->companyId, visitor->sessionId, req.pathParams.value(QStringLiteral("attachmentId")));
    if (!file)
        return res.send(chat::error(file.error()));
    http::HttpResponse out = sessionFileDownload(*file);
    res.send(std::move(out.withHeader("Access-Control-Allow-Origin", "*")));
}

} // namespace tierdesk::api
