#include "core/api/chat/ChatApi.h"

#include "core/api/auth/VisitorSecret.h"
#include "core/api/chat/ChatErrors.h"
#include "core/api/chat/ChatIdentity.h"
#include "core/api/chat/ChatJson.h"
#include "core/api/common/CommitReply.h"
#include "core/api/common/RatingBody.h"
#include "core/common/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace tierdesk::api {
namespace {

http::HttpResponse ok(int status, const QJsonObject &data)
{
    return chat::json(status, QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("data"), data}});
}

http::HttpResponse invalid(const QString &message)
{
    return chat::error(ErrorKind::InvalidArgument, message);
}

// A string field that may be left out; false (after answering 400) when it is not a string.
bool optionalString(
    const QJsonObject &body, const char *name, int maxChars, QString *out, const http::HttpResponder &res)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString() || v.toString().size() > maxChars) {
        res.send(invalid(
            QStringLiteral("%1 must be a string of at most %2 characters").arg(QLatin1String(name)).arg(maxChars)));
        return false;
    }
    *out = v.toString();
    return true;
}

} // namespace

QByteArray presentedVisitorSecret(const http::HttpRequest &req)
{
    const QByteArray header = req.header("x-visitor-secret").trimmed();
    if (!header.isEmpty())
        return header;
    const QByteArray auth = req.header("authorization").trimmed();
    if (auth.size() > 7 && auth.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return auth.mid(7).trimmed();
    return {};
}

ChatApi::ChatApi(ChatAccess &access, QObject *parent)
    : QObject(parent), m_access(access), m_engine(*access.services().engine)
{
}

void ChatApi::health(const http::HttpRequest &, const http::HttpResponder &res)
{
    const QString failure = m_engine.storageFailure();
    QJsonObject body{
        {QStringLiteral("status"), failure.isEmpty() ? QStringLiteral("healthy") : QStringLiteral("unhealthy")},
        {QStringLiteral("timestamp"), timefmt::iso(m_engine.clock().nowMs())},
        {QStringLiteral("version"), QStringLiteral(TIERDESK_VERSION)}};
    if (!failure.isEmpty())
        body.insert(QStringLiteral("storage"), failure);
    res.send(chat::json(failure.isEmpty() ? 200 : 503, body));
}

std::optional<QJsonObject> ChatApi::jsonBody(const http::HttpRequest &req, const http::HttpResponder &res)
{
    if (req.body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        res.send(invalid(QStringLiteral("Request body must be a JSON object")));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<ChatVisitor> ChatApi::visitorOf(
    const http::HttpRequest &req, const http::HttpResponder &res, const QString &sessionId)
{
    const QByteArray secret = presentedVisitorSecret(req);
    if (secret.isEmpty()) {
        res.send(chat::error(ErrorKind::Unauthenticated,
            QStringLiteral("Visitor secret required (X-Visitor-Secret: the visitorSecret of the session)")));
        return std::nullopt;
    }
    auto v = m_access.visitor(sessionId, secret);
    if (!v)
        res.send(chat::error(ErrorKind::NotFound, QStringLiteral("Session not found")));
    return v;
}

std::optional<ChatVisitor> ChatApi::readerOf(
    const http::HttpRequest &req, const http::HttpResponder &res, const QString &sessionId)
{
    // ?session=: the current session whose secret reads an earlier conversation of the same
    // signed-in customer.
    const QString current = req.query.queryItemValue(QStringLiteral("session"));
    return current.isEmpty() || current == sessionId ? visitorOf(req, res, sessionId)
                                                     : earlierConversationReader(req, res, sessionId, current);
}

void ChatApi::replyAfterCommit(const http::HttpResponder &res, const http::HttpResponse &response)
{
    api::replyAfterCommit(m_engine, res, response,
        {&chat::storageFailure, [] {
             return chat::error(ErrorKind::Unavailable, QStringLiteral("The change could not be stored; try again"));
         }});
}

void ChatApi::createSession(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const auto body = jsonBody(req, res);
    if (!body)
        return;
    QByteArray presented = req.header("x-widget-key");
    if (presented.isEmpty())
        presented = body->value(QLatin1String("widgetKey")).toString().toUtf8();
    const KeyVerdict key = m_access.widgetKey(presented);
    if (!key.accepted())
        return res.send(chat::error(ErrorKind::Unauthenticated,
            key.refusal == KeyRefusal::NoCredential ? QStringLiteral("Widget key required (X-Widget-Key)")
                                                    : QStringLiteral("Invalid widget key")));
    const ChatRateLimits &limits = m_access.services().limits;
    if (const RateDecision d = m_access.allow(QStringLiteral("create"),
            key.key->id + QLatin1Char('/') + req.peerAddress.toString(), limits.createSession);
        !d.allowed)
        return res.send(chat::rateLimited(d.retryAfter));
    QString userId = QStringLiteral("anonymous");
    if (!optionalString(*body, "userId", kMaxUserIdChars, &userId, res))
        return;
    const QJsonValue metadata = body->value(QLatin1String("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
        return res.send(invalid(QStringLiteral("metadata must be an object")));
    const auto verified = identify(*body, key.key->companyId, req, res);
    if (!verified)
        return;

    // An anonymous visitor is a customer of their own: a userId is the visitor's word, never a
    // known customer's identity (no orders or history of anyone else reach this chat). A visitor
    // the company's server vouched for is that customer.
    CreateSessionRequest create;
    create.companyId = key.key->companyId;
    create.customerId = *verified ? (*verified)->id
                                  : QStringLiteral("visitor_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
    create.channel = Channel::Chat;
    create.metadata = metadata.toObject().toVariantMap();
    if (*verified)
        userId = (*verified)->id;
    create.metadata.insert(QStringLiteral("chatUserId"), userId);
    // The desk shows the visitor by the name they gave (the chat page asks for it as the user id).
    if (*verified)
        create.customerName = (*verified)->name;
    else if (userId != QLatin1String("anonymous"))
        create.customerName = userId.simplified();
    Actor actor(QStringLiteral("widget:") + key.key->id, QStringLiteral("visitor"), req.peerAddress.toString(),
        create.customerId);
    const QString keyId = key.key->id;
    const QString customerId = *verified ? (*verified)->id : QString();
    m_engine.createSession(create, actor, this,
        [this, res, actor, userId, keyId, customerId](Result<Session> session, std::optional<MessageOutcome>) {
            if (!session)
                return res.send(chat::error(session.error()));
            const IssuedVisitorSecret secret = VisitorSecret::issue();
            const ChatVisitor visitor{session->id, session->companyId, userId, QString::fromLatin1(secret.hashHex),
                keyId, m_engine.clock().nowMs(), customerId};
            if (const Status added = m_access.services().visitors->add(visitor, actor); !added)
                return res.send(chat::error(added.error()));
            QJsonObject data = chat::sessionState(*session, visitor);
            data.insert(QStringLiteral("visitorSecret"), QString::fromLatin1(secret.secret));
            replyAfterCommit(res, ok(201, data));
        });
}

std::optional<std::optional<VerifiedVisitor>> ChatApi::identify(
    const QJsonObject &body, const QString &companyId, const http::HttpRequest &req, const http::HttpResponder &res)
{
    const auto claim = ChatIdentity::claimOf(body);
    if (!claim) {
        res.send(chat::error(claim.error()));
        return std::nullopt;
    }
    const ChatServices &services = m_access.services();
    WebChannelSettings web; // identity "off" where the server has no channels
    if (services.channels) {
        const Result<WebChannelSettings> stored = services.channels->web(companyId);
        if (!stored) {
            res.send(chat::error(stored.error()));
            return std::nullopt;
        }
        web = *stored;
    }
    const auto decided = ChatIdentity::decide(*claim, web, m_engine.clock().nowMs() / 1000);
    if (!decided) {
        // Why, for the server's log only: a visitor learns nothing of what would have passed.
        qInfo("chat: identity refused for company %s from %s: %s", qPrintable(companyId),
            qPrintable(req.peerAddress.toString()), qPrintable(decided.error().message));
        res.send(chat::error(ErrorKind::Unauthenticated, QStringLiteral("identity could not be verified")));
        return std::nullopt;
    }
    if (*decided && services.customers) {
        const VerifiedVisitor &v = **decided;
        const Actor actor(QStringLiteral("widget"), QStringLiteral("visitor"), req.peerAddress.toString(), v.id);
        if (const Status known = knownCustomer(companyId, v, actor); !known) {
            res.send(chat::error(known.error()));
            return std::nullopt;
        }
    }
    return *decided;
}

// The verified visitor's customer, made with their name and e-mail address (through the checks
// of PUT /api/cs/customers/:id) when the company has none by that id yet; a known one is kept as
// the company keeps it.
Status ChatApi::knownCustomer(const QString &companyId, const VerifiedVisitor &v, const Actor &actor)
{
    CustomerDirectory &customers = *m_access.services().customers;
    const Result<Customer> found = customers.get(companyId, v.id);
    if (found)
        return Ok{};
    if (found.error().kind != ErrorKind::NotFound)
        return found.error();
    QJsonObject fields{{QStringLiteral("name"), !v.name.isEmpty() ? v.name : !v.email.isEmpty() ? v.email : v.id}};
    if (!v.email.isEmpty())
        fields.insert(QStringLiteral("email"), v.email);
    const auto stored = customers.put(companyId, v.id, fields, actor);
    if (!stored)
        return stored.error();
    return Ok{};
}

void ChatApi::postMessage(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const auto body = jsonBody(req, res);
    if (!body)
        return;
    const QJsonValue sessionId = body->value(QLatin1String("sessionId"));
    if (!sessionId.isString() || sessionId.toString().isEmpty())
        return res.send(invalid(QStringLiteral("sessionId is required")));
    const QJsonValue message = body->value(QLatin1String("message"));
    if (!message.isString())
        return res.send(chat::error(
            ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage, QStringLiteral("message is required (a string)")));
    QString userId;
    if (!optionalString(*body, "userId", kMaxUserIdChars, &userId, res))
        return;
    const auto visitor = visitorOf(req, res, sessionId.toString());
    if (!visitor)
        return;
    if (const RateDecision d
        = m_access.allow(QStringLiteral("messages"), visitor->sessionId, m_access.services().limits.messagesPerSession);
        !d.allowed)
        return res.send(chat::rateLimited(d.retryAfter));
    m_engine.postMessage(visitor->companyId, visitor->sessionId, message.toString(),
        m_access.actorFor(*visitor, req.peerAddress), this, [this, res](Result<MessageOutcome> outcome) {
            if (!outcome)
                return res.send(chat::error(outcome.error()));
            replyAfterCommit(res, ok(200, chat::messageOutcome(*outcome)));
        });
}

void ChatApi::history(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const QString sessionId = req.pathParams.value(QStringLiteral("sessionId"));
    MessageWindow window;
    if (const QString limit = req.query.queryItemValue(QStringLiteral("limit")); !limit.isEmpty()) {
        bool isNumber = false;
        window.limit = limit.toInt(&isNumber);
        if (!isNumber || window.limit < 1 || window.limit > MessageWindow::kMaxLimit)
            return res.send(
                invalid(QStringLiteral("limit must be a whole number from 1 to %1").arg(MessageWindow::kMaxLimit)));
    }
    const auto visitor = readerOf(req, res, sessionId);
    if (!visitor)
        return;
    const Actor actor = m_access.actorFor(*visitor, req.peerAddress);
    const auto s = m_engine.session(visitor->companyId, visitor->sessionId, window, actor.customerScope);
    if (!s)
        return res.send(chat::error(s.error()));
    QJsonArray messages;
    for (const Message &m : s->messages)
        if (chat::visibleToVisitor(m.role))
            messages.append(chat::message(m));
    QJsonObject data = chat::sessionState(*s, *visitor);
    data.insert(QStringLiteral("messages"), messages);
    data.insert(QStringLiteral("rating"), chat::ratingField(m_engine, *visitor, actor));
    res.send(ok(200, data));
}

// The visitor rates the conversation once it is resolved (the engine's one rule for every family).
void ChatApi::rate(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const auto body = jsonBody(req, res);
    if (!body)
        return;
    const QJsonValue sessionId = body->value(QLatin1String("sessionId"));
    if (!sessionId.isString() || sessionId.toString().isEmpty())
        return res.send(invalid(QStringLiteral("sessionId is required")));
    const auto input = ratingInput(*body);
    if (!input)
        return res.send(chat::error(input.error()));
    const auto visitor = visitorOf(req, res, sessionId.toString());
    if (!visitor)
        return;
    const auto rated = m_engine.ratings().rate(
        visitor->companyId, visitor->sessionId, *input, m_access.actorFor(*visitor, req.peerAddress));
    if (!rated)
        return res.send(chat::error(rated.error()));
    replyAfterCommit(res, ok(201, chat::rating(*rated)));
}

} // namespace tierdesk::api
