#include "core/api/lex/LexConversation.h"

#include "core/common/Ids.h"
#include "core/engine/actions/Actions.h"
#include "core/engine/customers/CustomerFields.h"
#include "core/voice/EarText.h"

#include <QCryptographicHash>

namespace tierdesk::api {
namespace {

const QString kLexKey = QStringLiteral("lex"); // the session's last Lex state
const QString kCurrentKey = QStringLiteral("lexCurrent"); // on the first session: the one in use now
const QString kDetached = QStringLiteral("-"); // DeleteSession: none in use, the next call starts one

QString digest(const QString &company, const QString &lexSessionId)
{
    const QByteArray d = QCryptographicHash::hash(
        (QStringLiteral("lex\n") + company + QLatin1Char('\n') + lexSessionId).toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(d.toHex());
}

QJsonObject storedLex(const Session &s)
{
    return QJsonObject::fromVariantMap(s.metadata.value(kLexKey).toMap());
}

QJsonObject storedState(const Session &s)
{
    return storedLex(s).value(QLatin1String("sessionState")).toObject();
}

std::optional<Channel> channelNamed(const QString &name)
{
    static const QHash<QString, Channel> channels{{QString(), Channel::Voice},
        {QStringLiteral("voice"), Channel::Voice}, {QStringLiteral("phone"), Channel::Voice},
        {QStringLiteral("chat"), Channel::Chat}, {QStringLiteral("web"), Channel::Chat},
        {QStringLiteral("sms"), Channel::Sms}, {QStringLiteral("email"), Channel::Email}};
    const auto it = channels.constFind(name.toLower());
    return it == channels.constEnd() ? std::nullopt : std::optional<Channel>(*it);
}

QString attribute(const QJsonObject &attributes, const char *name)
{
    return attributes.value(QLatin1String(name)).toString().trimmed();
}

// With a person on the conversation the engine writes no reply: the caller is told who answers.
QString personAnswers(Language language)
{
    return language == Language::De
        ? QStringLiteral("Ein Mitglied unseres Teams hat Ihr Anliegen und ist gleich für Sie da.")
        : QStringLiteral("A member of our team has your conversation and will be with you shortly.");
}

// The newest reply to the customer in the window, by the AI or a person.
QString lastReply(const Session &s)
{
    for (auto it = s.messages.crbegin(); it != s.messages.crend(); ++it)
        if (it->role != QLatin1String("customer") && it->role != QLatin1String("system"))
            return it->content;
    return {};
}

} // namespace

LexConversation::Found LexConversation::find(const LexCallPtr &c)
{
    Found f;
    f.anchorId = QStringLiteral("sess_") + digest(c->company, c->sessionId).left(32);
    f.newId = ids::random(QStringLiteral("sess_"));
    MessageWindow window;
    window.limit = 4;
    const auto anchor = c->engine().session(c->company, f.anchorId, window);
    if (!anchor) {
        f.newId = f.anchorId;
        return f;
    }
    const QString current = anchor->metadata.value(kCurrentKey).toString();
    if (current == kDetached)
        return f;
    if (current.isEmpty() || current == f.anchorId) {
        f.current = anchor.value();
        return f;
    }
    if (const auto s = c->engine().session(c->company, current, window))
        f.current = s.value();
    return f;
}

// The customer named by sessionAttributes.customerId, else the one whose phone is callerNumber,
// else an anonymous caller of this Lex session.
QString LexConversation::callerOf(const LexCallPtr &c, const QJsonObject &attributes)
{
    if (const QString id = attribute(attributes, "customerId"); !id.isEmpty())
        return id;
    if (c->services->customers)
        if (const auto known = c->services->customers->byPhone(c->company, attribute(attributes, "callerNumber")))
            return known->id;
    return QStringLiteral("caller-") + digest(c->company, c->sessionId).left(20);
}

Result<CreateSessionRequest> LexConversation::newSession(
    const LexCallPtr &c, const Found &found, const QJsonObject &attributes, const QString &text)
{
    const auto channel = channelNamed(attribute(attributes, "channel"));
    if (!channel)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("sessionAttributes.channel must be voice, phone, chat, web, sms or email"));
    CreateSessionRequest req;
    req.id = found.newId;
    req.companyId = c->company;
    req.customerId = callerOf(c, attributes);
    if (const Status valid = CustomerFields::checkId(req.customerId); !valid)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("sessionAttributes.customerId must be 1 to 128 letters, digits or ._:@-"));
    req.channel = *channel;
    req.initialMessage = text;
    req.metadata = {{QStringLiteral("lexSessionId"), c->sessionId}, {QStringLiteral("lexBotAliasId"), c->botAliasId}};
    return req;
}

void LexConversation::start(const LexCallPtr &c, const Found &found, const QJsonObject &attributes, const QString &text,
    std::function<void(Result<Session>, std::optional<MessageOutcome>)> then)
{
    const auto req = newSession(c, found, attributes, text);
    if (!req)
        return then(req.error(), std::nullopt);
    const QString anchor = found.anchorId;
    c->engine().createSession(*req, c->actor, c->services->context,
        [c, anchor, then](Result<Session> s, std::optional<MessageOutcome> first) {
            // The first session of the Lex id points to the one in use now.
            if (s && s->id != anchor)
                if (const auto pointed = c->engine().setMetadataEntry(c->company, anchor, kCurrentKey, s->id, c->actor);
                    !pointed)
                    return then(pointed.error(), std::nullopt);
            then(std::move(s), std::move(first));
        });
}

void LexConversation::converse(const LexCallPtr &c, const Utterance &u, Done done)
{
    const Found f = find(c);
    const bool open = f.current && f.current->status != SessionStatus::Resolved;
    const QJsonObject attributes = u.sessionState.value(QLatin1String("sessionAttributes")).toObject();
    if (!open)
        return start(c, f, attributes, u.text, [c, u, done](Result<Session> s, std::optional<MessageOutcome> first) {
            if (!s)
                return done(s.error());
            answered(c, u, s.value(), QJsonObject{}, first, done);
        });
    const QJsonObject stored = storedState(*f.current);
    c->engine().postMessage(c->company, f.current->id, u.text, c->actor, c->services->context,
        [c, u, stored, done](Result<MessageOutcome> o) {
            if (!o)
                return done(o.error());
            answered(c, u, o->session, stored, o.value(), done);
        });
}

void LexConversation::answered(const LexCallPtr &c, const Utterance &u, const Session &s, const QJsonObject &stored,
    const std::optional<MessageOutcome> &outcome, const Done &done)
{
    lexjson::TurnFacts facts;
    if (outcome)
        facts.reading = outcome->reading;
    facts.action = actionOf(s, outcome ? &*outcome : nullptr);
    facts.spokenOrderId = u.spokenOrderId;
    const QJsonObject attributes = attributesOf(c, s, stored.value(QLatin1String("sessionAttributes")).toObject(),
        u.sessionState.value(QLatin1String("sessionAttributes")).toObject());
    Answer a;
    a.tierdeskSessionId = s.id;
    a.sessionState = lexjson::sessionStateJson(facts, attributes);
    a.interpretations = lexjson::interpretationsJson(facts);
    const std::optional<Message> ai = outcome ? outcome->aiResponse : std::nullopt;
    const QString reply = ai ? ai->content : personAnswers(c->language);
    a.messages = lexjson::messagesJson(voice::EarText::withoutUrls(voice::EarText::withoutMarkdown(reply)));
    a.reply = lexjson::messageTexts(a.messages).join(QLatin1Char(' '));
    if (const Status kept = keep(c, s, a); !kept)
        return done(kept.error());
    done(a);
}

lexjson::DialogAction LexConversation::actionOf(const Session &s, const MessageOutcome *outcome)
{
    const QString inProgress = QStringLiteral("InProgress");
    if (s.status == SessionStatus::Resolved)
        return {QStringLiteral("Close"), {}, QStringLiteral("Fulfilled")};
    // For a person: the contact flow transfers the call to sessionAttributes.queue.
    if (s.currentTier == Tier::HumanAgent)
        return {QStringLiteral("Close"), {}, QStringLiteral("ReadyForFulfillment")};
    if (!outcome)
        return {QStringLiteral("ElicitIntent"), {}, inProgress};
    const TurnReading &r = outcome->reading;
    if (r.awaitingConfirmation)
        return {QStringLiteral("ConfirmIntent"), {}, inProgress};
    if (r.awaitingSlot == QLatin1String("amount"))
        return {QStringLiteral("ElicitSlot"), QStringLiteral("amount"), inProgress};
    const AiReplyMeta meta = outcome->aiResponse ? outcome->aiResponse->meta.ai.value_or(AiReplyMeta{}) : AiReplyMeta{};
    // A question about an order the AI could not look up (no number, a caller it does not know):
    // it asked for the number.
    const bool orderUnseen
        = ActionExecutor::isOrderTopic(r.intent) && !meta.actionsTaken.contains(QLatin1String("order_lookup"));
    if (r.awaitingSlot == QLatin1String("order_id") || r.needsOrderNumber
        || meta.suggestedActions.contains(QLatin1String("provide_order_number")) || orderUnseen)
        return {QStringLiteral("ElicitSlot"), QStringLiteral("orderId"), inProgress};
    const bool understood = !r.intent.isEmpty() && r.intent != QLatin1String("out_of_scope");
    return {QStringLiteral("ElicitIntent"), {}, understood ? QStringLiteral("Fulfilled") : QStringLiteral("Failed")};
}

// The client's attributes (a request's sessionState replaces the stored ones), and Tierdesk's own:
// tierdeskSessionId, tier, and queue while a person has the conversation.
QJsonObject LexConversation::attributesOf(
    const LexCallPtr &c, const Session &s, const QJsonObject &stored, const QJsonObject &given)
{
    QJsonObject a = given.isEmpty() ? stored : given;
    a.insert(QStringLiteral("tierdeskSessionId"), s.id);
    a.insert(QStringLiteral("tier"), toString(s.currentTier));
    a.remove(QStringLiteral("queue"));
    if (s.currentTier == Tier::HumanAgent && s.status != SessionStatus::Resolved && c->services->desk)
        if (const auto item = c->services->desk->item(s.id); item && !item->item.queue.isEmpty())
            a.insert(QStringLiteral("queue"), item->item.queue);
    return a;
}

Status LexConversation::keep(const LexCallPtr &c, const Session &s, const Answer &a)
{
    const QJsonObject lex{
        {QStringLiteral("sessionState"), a.sessionState}, {QStringLiteral("interpretations"), a.interpretations}};
    const auto kept = c->engine().setMetadataEntry(c->company, s.id, kLexKey, lex.toVariantMap(), c->actor);
    if (!kept)
        return kept.error();
    return Ok{};
}

void LexConversation::put(const LexCallPtr &c, const QJsonObject &sessionState, const QJsonArray &messages, Done done)
{
    const Found f = find(c);
    const bool open = f.current && f.current->status != SessionStatus::Resolved;
    const auto finish = [c, sessionState, messages, done](const Session &s, const QJsonObject &stored) {
        Answer a;
        a.tierdeskSessionId = s.id;
        a.sessionState = sessionState;
        a.sessionState.insert(QStringLiteral("sessionAttributes"),
            attributesOf(c, s, stored.value(QLatin1String("sessionAttributes")).toObject(),
                sessionState.value(QLatin1String("sessionAttributes")).toObject()));
        a.interpretations = storedLex(s).value(QLatin1String("interpretations")).toArray();
        a.messages = messages;
        a.reply = lexjson::messageTexts(messages).join(QLatin1Char(' '));
        if (const Status kept = keep(c, s, a); !kept)
            return done(kept.error());
        done(a);
    };
    if (open)
        return finish(*f.current, storedState(*f.current));
    start(c, f, sessionState.value(QLatin1String("sessionAttributes")).toObject(), QString(),
        [finish, done](Result<Session> s, std::optional<MessageOutcome>) {
            if (!s)
                return done(s.error());
            finish(s.value(), QJsonObject{});
        });
}

Result<LexConversation::Answer> LexConversation::stored(const LexCallPtr &c)
{
    const Found f = find(c);
    if (!f.current)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("No session ") + c->sessionId + QStringLiteral(" for this bot"));
    const QJsonObject lex = storedLex(*f.current);
    Answer a;
    a.tierdeskSessionId = f.current->id;
    a.sessionState = lex.value(QLatin1String("sessionState")).toObject();
    QJsonObject attributes = a.sessionState.value(QLatin1String("sessionAttributes")).toObject();
    a.sessionState.insert(QStringLiteral("sessionAttributes"), attributesOf(c, *f.current, attributes, {}));
    a.interpretations = lex.value(QLatin1String("interpretations")).toArray();
    a.messages
        = lexjson::messagesJson(voice::EarText::withoutUrls(voice::EarText::withoutMarkdown(lastReply(*f.current))));
    return a;
}

Status LexConversation::remove(const LexCallPtr &c)
{
    const Found f = find(c);
    if (!f.current)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("No session ") + c->sessionId + QStringLiteral(" for this bot"));
    const Session &s = *f.current;
    // A conversation a person has stays in its queue: the call was transferred there.
    if (s.status != SessionStatus::Resolved && s.currentTier != Tier::HumanAgent) {
        const QString state
            = storedState(s).value(QLatin1String("intent")).toObject().value(QLatin1String("state")).toString();
        Resolution r;
        r.type = state == QLatin1String("Fulfilled") ? ResolutionType::InformationProvided : ResolutionType::Unresolved;
        r.summary = QStringLiteral("The Lex session ended (DeleteSession)");
        if (const auto resolved = c->engine().resolve(c->company, s.id, r, c->actor); !resolved)
            return resolved.error();
    }
    const auto detached = c->engine().setMetadataEntry(c->company, f.anchorId, kCurrentKey, kDetached, c->actor);
    if (!detached)
        return detached.error();
    return Ok{};
}

bool LexConversation::expectsDigits(const LexCallPtr &c)
{
    const Found f = find(c);
    if (!f.current || f.current->status == SessionStatus::Resolved)
        return false;
    const QJsonObject action = storedState(*f.current).value(QLatin1String("dialogAction")).toObject();
    return action.value(QLatin1String("type")).toString() == QLatin1String("ElicitSlot")
        && action.value(QLatin1String("slotToElicit")).toString() == QLatin1String("orderId");
}

} // namespace tierdesk::api
