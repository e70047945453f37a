#pragma once

#include "core/engine/pipeline/TurnReading.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// The Lex V2 runtime's wire format of Tierdesk's values (botocore's lexv2-runtime model): the
// session state, intents and slots, interpretations with sentiment, messages.
namespace tierdesk::api::lexjson {

inline constexpr int kMaxTextChars = 1024; // Lex's Text shape
inline constexpr int kMaxMessages = 10; // Lex's Messages shape
inline constexpr int kMaxAttributeBytes = 2048; // sessionAttributes or requestAttributes, as compact JSON

// Where the conversation stands after a turn, in Lex's words.
struct DialogAction {
    QString type; // ElicitIntent, ElicitSlot, ConfirmIntent, Close
    QString slotToElicit; // with ElicitSlot: orderId, amount
    QString intentState; // InProgress, Fulfilled, ReadyForFulfillment, Failed
};

// What a turn said, for the wire.
struct TurnFacts {
    TurnReading reading;
    DialogAction action;
    QString spokenOrderId; // the words a caller said for the order number ("order one zero ..."), if any
};

// The slots the message named: orderId, amount, email (Lex's Slot with value.originalValue,
// interpretedValue and resolvedValues).
QJsonObject slotsJson(const TurnFacts &facts);
QJsonObject intentJson(const TurnFacts &facts);
// {"dialogAction", "intent", "sessionAttributes"}.
QJsonObject sessionStateJson(const TurnFacts &facts, const QJsonObject &sessionAttributes);
// The turn's intent first (with the message's sentiment), then the classifier's other likely intents.
QJsonArray interpretationsJson(const TurnFacts &facts);
// Tierdesk's sentiment levels as Lex's: POSITIVE, NEGATIVE, NEUTRAL or MIXED (praise not meant).
QString sentimentName(Sentiment level, bool sarcasm);
QJsonObject sentimentScoreJson(double score, bool sarcasm);
// The reply as PlainText messages of at most kMaxTextChars each (split between sentences), at most kMaxMessages.
QJsonArray messagesJson(const QString &reply);
QStringList messageTexts(const QJsonArray &messages);

// A StringMap field (sessionAttributes, requestAttributes): a JSON object of strings within
// kMaxAttributeBytes. nullopt and *fault set when it is not.
std::optional<QJsonObject> stringMap(const QJsonValue &value, const QString &name, QString *fault);
// A client's sessionState: an object with an optional stringMap sessionAttributes and, when given,
// a dialogAction with a known type. nullopt and *fault set when it is not.
std::optional<QJsonObject> sessionState(const QJsonValue &value, QString *fault);
// A client's messages (PutSession): at most kMaxMessages of {content, contentType}.
std::optional<QJsonArray> putMessages(const QJsonValue &value, QString *fault);

} // namespace tierdesk::api::lexjson
