#include "core/api/lex/LexJson.h"

#include "core/common/Validation.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace tierdesk::api::lexjson {
namespace {

QJsonObject slotJson(const QString &original, const QString &interpreted)
{
    const QJsonObject value{{QStringLiteral("originalValue"), original.isEmpty() ? interpreted : original},
        {QStringLiteral("interpretedValue"), interpreted}, {QStringLiteral("resolvedValues"), QJsonArray{interpreted}}};
    return {{QStringLiteral("value"), value}, {QStringLiteral("shape"), QStringLiteral("Scalar")}};
}

QString amountText(double amount)
{
    return QString::number(amount, 'f', 2);
}

} // namespace

QJsonObject slotsJson(const TurnFacts &f)
{
    QJsonObject named;
    const nlu::Slots &s = f.reading.slotValues;
    if (!s.orderId.isEmpty())
        named.insert(QStringLiteral("orderId"), slotJson(f.spokenOrderId, s.orderId));
    if (s.amount)
        named.insert(QStringLiteral("amount"), slotJson({}, amountText(*s.amount)));
    if (!s.email.isEmpty())
        named.insert(QStringLiteral("email"), slotJson({}, s.email));
    return named;
}

QJsonObject intentJson(const TurnFacts &f)
{
    const QString name = f.reading.intent.isEmpty() ? QStringLiteral("out_of_scope") : f.reading.intent;
    return {{QStringLiteral("name"), name}, {QStringLiteral("slots"), slotsJson(f)},
        {QStringLiteral("state"), f.action.intentState}, {QStringLiteral("confirmationState"), QStringLiteral("None")}};
}

QJsonObject sessionStateJson(const TurnFacts &f, const QJsonObject &sessionAttributes)
{
    QJsonObject action{{QStringLiteral("type"), f.action.type}};
    if (!f.action.slotToElicit.isEmpty())
        action.insert(QStringLiteral("slotToElicit"), f.action.slotToElicit);
    return {{QStringLiteral("dialogAction"), action}, {QStringLiteral("intent"), intentJson(f)},
        {QStringLiteral("sessionAttributes"), sessionAttributes}};
}

QString sentimentName(Sentiment level, bool sarcasm)
{
    if (sarcasm)
        return QStringLiteral("MIXED");
    switch (level) {
    case Sentiment::Happy:
    case Sentiment::Satisfied:
        return QStringLiteral("POSITIVE");
    case Sentiment::Neutral:
        return QStringLiteral("NEUTRAL");
    case Sentiment::Frustrated:
    case Sentiment::Angry:
    case Sentiment::Irate:
        break;
    }
    return QStringLiteral("NEGATIVE");
}

// Tierdesk's one score (0 negative .. 0.5 neutral .. 1 positive) spread over Lex's four; they add up to 1.
QJsonObject sentimentScoreJson(double score, bool sarcasm)
{
    const double s = qBound(0.0, score, 1.0);
    // Praise that is not meant is half mixed; the words' own reading shares the other half.
    const double scale = sarcasm ? 0.5 : 1.0;
    const double mixed = 1.0 - scale;
    const double positive = qMax(0.0, (s - 0.5) * 2) * scale;
    const double negative = qMax(0.0, (0.5 - s) * 2) * scale;
    const double neutral = qMax(0.0, scale - positive - negative);
    const auto round = [](double v) { return qRound(v * 1000) / 1000.0; };
    return {{QStringLiteral("positive"), round(positive)}, {QStringLiteral("negative"), round(negative)},
        {QStringLiteral("neutral"), round(neutral)}, {QStringLiteral("mixed"), round(mixed)}};
}

QJsonArray interpretationsJson(const TurnFacts &f)
{
    const TurnReading &r = f.reading;
    const QJsonObject sentiment{{QStringLiteral("sentiment"), sentimentName(r.sentiment, r.sarcasm)},
        {QStringLiteral("sentimentScore"), sentimentScoreJson(r.sentimentScore, r.sarcasm)}};
    QJsonArray out{QJsonObject{{QStringLiteral("intent"), intentJson(f)},
        {QStringLiteral("nluConfidence"),
            QJsonObject{{QStringLiteral("score"), qRound(r.intentConfidence * 100) / 100.0}}},
        {QStringLiteral("sentimentResponse"), sentiment}}};
    for (const auto &ranked : r.rankedIntents) {
        if (ranked.first == r.intent || out.size() >= 5)
            continue;
        out.append(QJsonObject{
            {QStringLiteral("intent"),
                QJsonObject{{QStringLiteral("name"), ranked.first}, {QStringLiteral("slots"), QJsonObject{}},
                    {QStringLiteral("state"), QStringLiteral("InProgress")},
                    {QStringLiteral("confirmationState"), QStringLiteral("None")}}},
            {QStringLiteral("nluConfidence"),
                QJsonObject{{QStringLiteral("score"), qRound(ranked.second * 100) / 100.0}}}});
    }
    return out;
}

QJsonArray messagesJson(const QString &reply)
{
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+"));
    QJsonArray out;
    QString current;
    const auto flush = [&] {
        if (!current.trimmed().isEmpty() && out.size() < kMaxMessages)
            out.append(QJsonObject{{QStringLiteral("content"), current.trimmed()},
                {QStringLiteral("contentType"), QStringLiteral("PlainText")}});
        current.clear();
    };
    for (const QString &sentence : reply.split(sentenceEnd, Qt::SkipEmptyParts)) {
        if (!current.isEmpty() && current.size() + 1 + sentence.size() > kMaxTextChars)
            flush();
        current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + sentence.left(kMaxTextChars);
    }
    flush();
    return out;
}

QStringList messageTexts(const QJsonArray &messages)
{
    QStringList out;
    for (const QJsonValue &m : messages)
        out << m.toObject().value(QLatin1String("content")).toString();
    return out;
}

std::optional<QJsonObject> stringMap(const QJsonValue &value, const QString &name, QString *fault)
{
    if (value.isUndefined() || value.isNull())
        return QJsonObject{};
    if (!value.isObject()) {
        *fault = name + QStringLiteral(" must be a map of strings");
        return std::nullopt;
    }
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key().isEmpty() || !it.value().isString() || textFault(it.value().toString(), TextLines::Many)) {
            *fault = name + QStringLiteral(" must be a map of non-empty names to strings");
            return std::nullopt;
        }
    }
    if (QJsonDocument(map).toJson(QJsonDocument::Compact).size() > kMaxAttributeBytes) {
        *fault = name + QStringLiteral(" must be at most %1 bytes as JSON").arg(kMaxAttributeBytes);
        return std::nullopt;
    }
    return map;
}

std::optional<QJsonObject> sessionState(const QJsonValue &value, QString *fault)
{
    if (value.isUndefined() || value.isNull())
        return QJsonObject{};
    if (!value.isObject()) {
        *fault = QStringLiteral("sessionState must be an object");
        return std::nullopt;
    }
    const QJsonObject state = value.toObject();
    const auto attributes = stringMap(
        state.value(QLatin1String("sessionAttributes")), QStringLiteral("sessionState.sessionAttributes"), fault);
    if (!attributes)
        return std::nullopt;
    const QJsonValue action = state.value(QLatin1String("dialogAction"));
    static const QStringList types{QStringLiteral("Close"), QStringLiteral("ConfirmIntent"), QStringLiteral("Delegate"),
        QStringLiteral("ElicitIntent"), QStringLiteral("ElicitSlot"), QStringLiteral("None")};
    if (!action.isUndefined() && !action.isNull()
        && (!action.isObject() || !types.contains(action.toObject().value(QLatin1String("type")).toString()))) {
        *fault = QStringLiteral("sessionState.dialogAction.type must be one of ") + types.join(QStringLiteral(", "));
        return std::nullopt;
    }
    return state;
}

std::optional<QJsonArray> putMessages(const QJsonValue &value, QString *fault)
{
    if (value.isUndefined() || value.isNull())
        return QJsonArray{};
    const QJsonArray list = value.toArray();
    if (!value.isArray() || list.size() > kMaxMessages) {
        *fault = QStringLiteral("messages must be a list of at most %1 messages").arg(kMaxMessages);
        return std::nullopt;
    }
    QJsonArray out;
    for (const QJsonValue &m : list) {
        const QString content = m.toObject().value(QLatin1String("content")).toString();
        const QString type = m.toObject().value(QLatin1String("contentType")).toString();
        if (content.isEmpty() || content.size() > kMaxTextChars || textFault(content, TextLines::Many)
            || (type != QLatin1String("PlainText") && type != QLatin1String("SSML"))) {
            *fault = QStringLiteral("each message needs content (1 to %1 characters) and contentType PlainText or SSML")
                         .arg(kMaxTextChars);
            return std::nullopt;
        }
        out.append(QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("contentType"), type}});
    }
    return out;
}

} // namespace tierdesk::api::lexjson
