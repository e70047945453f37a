// /chatbot: a conversation is an engine session; its messages take the engine's message
// path (analysis, escalation policy, actions, the tier's reply). suggested_actions are the
// engine's suggestions for the reply, worded as buttons, else follow-ups of the intent.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include "core/common/Time.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::api {
namespace {

constexpr int kMaxAttachments = 10;

QJsonObject textAction(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

// The engine's suggestion codes (LocalResponder) as what a customer would say.
QString suggestionText(const QString &code)
{
    static const QHash<QString, QString> texts{
        {QStringLiteral("confirm"), QStringLiteral("Yes, go ahead")},
        {QStringLiteral("decline"), QStringLiteral("No, don't do that")},
        {QStringLiteral("provide_order_number"), QStringLiteral("I don't have my order number")},
        {QStringLiteral("track_package"), QStringLiteral("When will it arrive?")},
        {QStringLiteral("check_refund_status"), QStringLiteral("When will I get my refund?")},
        {QStringLiteral("view_account_credit"), QStringLiteral("How much credit do I have?")},
        {QStringLiteral("view_subscription"), QStringLiteral("Show my membership")},
        {QStringLiteral("wait_for_agent"), QStringLiteral("I'll wait for an agent")},
        {QStringLiteral("end_conversation"), QStringLiteral("That's all, thanks")},
        {QStringLiteral("rephrase"), QStringLiteral("I'd like to talk to a person")},
        {QStringLiteral("talk_to_person"), QStringLiteral("I'd like to talk to a person")},
    };
    return texts.value(code);
}

// Follow-ups for an intent the reply suggested nothing for.
QStringList intentFollowUps(const QString &intent)
{
    if (intent == QLatin1String("order_status") || intent == QLatin1String("delivery_options"))
        return {QStringLiteral("When will it arrive?"), QStringLiteral("Can I modify the order?")};
    if (intent == QLatin1String("refund_request") || intent == QLatin1String("return_item"))
        return {QStringLiteral("When will I get my refund?"), QStringLiteral("How do I return an item?")};
    if (intent == QLatin1String("cancel_order"))
        return {QStringLiteral("Cancel my order"), QStringLiteral("Can I modify the order?")};
    if (intent == QLatin1String("greeting") || intent == QLatin1String("out_of_scope") || intent.isEmpty())
        return {QStringLiteral("Where is my order?"), QStringLiteral("I'd like to talk to a person")};
    return {QStringLiteral("I'd like to talk to a person")};
}

QJsonArray suggestedActions(const std::optional<Message> &ai)
{
    QJsonArray out;
    if (!ai)
        return QJsonArray{textAction(suggestionText(QStringLiteral("wait_for_agent")))};
    const AiReplyMeta made = ai->meta.ai.value_or(AiReplyMeta{});
    for (const QString &action : made.suggestedActions)
        if (const QString text = suggestionText(action); !text.isEmpty())
            out.append(textAction(text));
    if (out.isEmpty())
        for (const QString &text : intentFollowUps(made.intent))
            out.append(textAction(text));
    return out;
}

// With a person on the conversation the engine writes no reply: the customer is told who answers.
QString replyText(const std::optional<Message> &ai)
{
    return ai ? ai->content
              : QStringLiteral("A member of our support team has your conversation and will answer here.");
}

std::optional<Channel> parseChannel(const QString &name)
{
    static const QHash<QString, Channel> channels{{QString(), Channel::Chat}, {QStringLiteral("web"), Channel::Chat},
        {QStringLiteral("chat"), Channel::Chat}, {QStringLiteral("mobile"), Channel::Chat},
        {QStringLiteral("email"), Channel::Email}, {QStringLiteral("sms"), Channel::Sms},
        {QStringLiteral("voice"), Channel::Voice}, {QStringLiteral("phone"), Channel::Voice}};
    const auto it = channels.constFind(name.toLower());
    return it == channels.constEnd() ? std::nullopt : std::optional<Channel>(*it);
}

void startConversation(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const int maxId = c->engine().limits().maxIdChars;
    const auto user = requiredString(c, *body, "user_id", maxId);
    const auto text
        = user ? optionalString(c, *body, "initial_message", c->engine().limits().maxMessageChars) : std::nullopt;
    const auto channelName = text ? optionalString(c, *body, "channel", 32) : std::nullopt;
    if (!channelName)
        return;
    const auto channel = parseChannel(*channelName);
    if (!channel)
        return fail(c,
            platform::badRequest(
                QStringLiteral("Invalid request body: channel must be web, chat, mobile, email, sms, voice or phone")));
    const QJsonValue metadata = body->value(QLatin1String("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
        return fail(c, platform::badRequest(QStringLiteral("Invalid request body: metadata must be an object")));
    CreateSessionRequest req;
    req.companyId = c->company;
    req.customerId = *user;
    req.channel = *channel;
    req.initialMessage = text->trimmed();
    req.metadata = {{QStringLiteral("platformChannel"), channelName->isEmpty() ? QStringLiteral("web") : *channelName}};
    if (metadata.isObject())
        req.metadata.insert(QStringLiteral("platformMetadata"), metadata.toVariant());
    c->engine().createSession(
        req, c->actor, c->services->context, [c](Result<Session> s, std::optional<MessageOutcome> first) {
            if (!s)
                return fail(c, s.error());
            const std::optional<Message> ai = first ? first->aiResponse : std::nullopt;
            const QString greeting = QStringLiteral("Hi there! How can I help you today?");
            replyJson(c, 200,
                {{QStringLiteral("conversation_id"), s->id},
                    {QStringLiteral("response"), first ? replyText(ai) : greeting},
                    {QStringLiteral("suggested_actions"),
                        first ? suggestedActions(ai) : suggestedActions(std::optional<Message>(Message{}))}});
        });
}

void sendMessage(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const QString conversation = c->req.pathParams.value(QStringLiteral("conversation_id"));
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto text = requiredString(c, *body, "message", c->engine().limits().maxMessageChars);
    if (!text)
        return;
    const QJsonValue attachments = body->value(QLatin1String("attachments"));
    if (!attachments.isUndefined() && !attachments.isNull()
        && (!attachments.isArray() || attachments.toArray().size() > kMaxAttachments))
        return fail(c,
            platform::badRequest(
                QStringLiteral("Invalid request body: attachments must be an array of at most %1 items")
                    .arg(kMaxAttachments)));
    c->engine().postMessage(
        c->company, conversation, *text, c->actor, c->services->context, [c](Result<MessageOutcome> o) {
            if (!o)
                return fail(c,
                    o.error().detail == ErrorDetail::InvalidSessionId
                        ? platform::error(ErrorKind::NotFound, QStringLiteral("Conversation not found"))
                        : platform::error(o.error()));
            replyJson(c, 200,
                {{QStringLiteral("response"), replyText(o->aiResponse)},
                    {QStringLiteral("suggested_actions"), suggestedActions(o->aiResponse)}});
        });
}

// Seed 000's own example reads a conversation with GET /chatbot/conversation?conversation_id=.
// Its answer is not in the guide: the conversation as the chatbot's fields name it.
void getConversation(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const QString id = c->req.query.queryItemValue(QStringLiteral("conversation_id"), QUrl::FullyDecoded);
    if (id.isEmpty())
        return fail(c, platform::badRequest(QStringLiteral("conversation_id is required")));
    MessageWindow window;
    window.limit = MessageWindow::kMaxLimit;
    const auto s = c->engine().session(c->company, id, window);
    if (!s)
        return fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Conversation not found")));
    QJsonArray messages;
    for (const Message &m : s->messages)
        messages.append(QJsonObject{{QStringLiteral("role"),
                                        m.role == QLatin1String("customer")          ? QStringLiteral("user")
                                            : m.role == QLatin1String("human_agent") ? QStringLiteral("agent")
                                                                                     : QStringLiteral("assistant")},
            {QStringLiteral("content"), m.content}, {QStringLiteral("timestamp"), timefmt::iso(m.timestamp)}});
    replyJson(c, 200,
        {{QStringLiteral("conversation_id"), s->id}, {QStringLiteral("user_id"), s->customerId},
            {QStringLiteral("channel"),
                QJsonValue::fromVariant(s->metadata.value(QStringLiteral("platformChannel")))
                    .toString(QStringLiteral("web"))},
            {QStringLiteral("status"), s->isOpen() ? QStringLiteral("active") : QStringLiteral("closed")},
            {QStringLiteral("created_at"), timefmt::iso(s->createdAt)}, {QStringLiteral("messages"), messages}});
}

} // namespace

void installChatbotRoutes(http::HttpServer &server, PlatformServices &services)
{
    http::Router &r = server.router();
    r.route("GET", QStringLiteral("/chatbot/conversation"), signedRoute(services, &getConversation));
    r.route("POST", QStringLiteral("/chatbot/conversation"), signedRoute(services, &startConversation));
    r.route(
        "POST", QStringLiteral("/chatbot/conversation/:conversation_id/message"), signedRoute(services, &sendMessage));
}

} // namespace tierdesk::api
