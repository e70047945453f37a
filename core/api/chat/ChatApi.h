#pragma once

#include "core/api/auth/VisitorIdentity.h"
#include "core/api/chat/ChatAccess.h"
#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpServer.h"

#include <QObject>

namespace tierdesk::api {

// The chat POC API's REST routes (seed 003) under /api/v1: start a session with a
// widget key, then send and read it with the visitor's secret (docs/chat-api.md).
class ChatApi : public QObject {
    Q_OBJECT

public:
    ChatApi(ChatAccess &access, QObject *parent = nullptr);
    void install(http::HttpServer &server); // ChatRoutes.cpp

    static constexpr int kMaxUserIdChars = 128;
    static constexpr int kEarlierConversations = 10; // a signed-in visitor's, listed

private:
    void health(const http::HttpRequest &req, const http::HttpResponder &res);
    void createSession(const http::HttpRequest &req, const http::HttpResponder &res);
    void postMessage(const http::HttpRequest &req, const http::HttpResponder &res);
    void history(const http::HttpRequest &req, const http::HttpResponder &res);
    void rate(const http::HttpRequest &req, const http::HttpResponder &res);
    void conversations(const http::HttpRequest &req, const http::HttpResponder &res); // ChatConversations.cpp
    // A file sent into the visitor's session, and one of its files read (ChatAttachments.cpp).
    void postAttachment(const http::HttpRequest &req, const http::HttpResponder &res);
    void attachment(const http::HttpRequest &req, const http::HttpResponder &res);
    // The address a visitor leaves when nobody can answer now (ChatContact.cpp).
    void leaveContact(const http::HttpRequest &req, const http::HttpResponder &res);
    // A survey mail's link and its page's comment (ChatSurvey.cpp).
    void surveyLink(const http::HttpRequest &req, const http::HttpResponder &res);
    void surveyComment(const http::HttpRequest &req, const http::HttpResponder &res);
    // The reader of `sessionId`, an earlier conversation of the signed-in visitor of `current`
    // (whose secret the request presents); nullopt after answering 401/404 itself.
    std::optional<ChatVisitor> earlierConversationReader(
        const http::HttpRequest &req, const http::HttpResponder &res, const QString &sessionId, const QString &current);

    // Who reads `sessionId`: its own visitor, or (?session=<current>) the signed-in visitor of the
    // current session reading an earlier conversation; nullopt after answering 401/404 itself.
    std::optional<ChatVisitor> readerOf(
        const http::HttpRequest &req, const http::HttpResponder &res, const QString &sessionId);
    // The request's JSON object (an empty body is {}); answers 400 itself when it is not one.
    static std::optional<QJsonObject> jsonBody(const http::HttpRequest &req, const http::HttpResponder &res);
    // The visitor whose secret the request presents for `sessionId`; answers 401/404 itself when none.
    std::optional<ChatVisitor> visitorOf(
        const http::HttpRequest &req, const http::HttpResponder &res, const QString &sessionId);
    // Who the visitor starting a session is (ChatIdentity): the verified customer (made when new),
    // none for an anonymous visitor; nullopt after answering 400/401 itself.
    std::optional<std::optional<VerifiedVisitor>> identify(const QJsonObject &body, const QString &companyId,
        const http::HttpRequest &req, const http::HttpResponder &res);
    Status knownCustomer(const QString &companyId, const VerifiedVisitor &v, const Actor &actor);
    // Sends once every write so far is committed: an acknowledged write is durable.
    void replyAfterCommit(const http::HttpResponder &res, const http::HttpResponse &response);

    ChatAccess &m_access;
    SessionEngine &m_engine;
};

// The visitor secret a request presents: X-Visitor-Secret, else Authorization: Bearer.
QByteArray presentedVisitorSecret(const http::HttpRequest &req);

} // namespace tierdesk::api
