#pragma once

#include "core/domain/Enums.h"

#include <QStringList>

#include <optional>

// What a message's "metadata" holds (seed 001's transcript), as typed values: an AI tier's
// reply says how it was made, a person's message who wrote it. Each API family prints it
// (api/cs CsJson); the store keeps it in its own codec. A new field is a member here and
// one line in each of the two.
namespace tierdesk {

struct AiReplyMeta {
    QStringList actionsTaken; // what the engine did on this turn
    double confidence = 0; // the intent's, rounded to 3 places
    QString intent;
    qint64 latencyMs = 0;
    QString model;
    QStringList suggestedActions;
    int inputTokens = 0;
    int outputTokens = 0;
    double costUsd = 0; // the tokens at the provider's prices (0 for local words and free models)
    QString fallback; // why these are fallback words ("timeout"); empty when they are not
    QStringList guardNotes; // what the reply guard changed ("replyGuard"); printed when there are any
};

// A person's refund or credit from the console, as its confirming message records it.
struct PersonAction {
    QString type; // refund or credit
    QString orderId; // a refund's; empty for a credit (printed as null)
    double amount = 0;
    Tier tier = Tier::HumanAgent;
    QString agentId;
    QString agentName;
    qint64 at = 0;
};

struct PersonMeta {
    QString agentId;
    QString agentName;
    bool closing = false; // the closing line of a person's resolve
    std::optional<PersonAction> action; // the message confirms this action
    QStringList actionsTaken; // with `action`: what the executor did
};

// A caller's words as speech recognition heard them (a call's turn, channel voice).
struct AsrMeta {
    double confidence = 0; // 0..1, how sure the recogniser is
    qint64 startMs = 0; // where the words are in the call's audio
    qint64 endMs = 0;
    bool digits = false; // heard with the digits grammar, or typed on the keypad
    bool keypad = false; // typed on the keypad (DTMF), not spoken
};

// At most one of the three: an AI reply's, a person's, or a caller's recognised words; a typed
// customer message and a system message have none.
struct MessageMeta {
    std::optional<AiReplyMeta> ai;
    std::optional<PersonMeta> person;
    std::optional<AsrMeta> asr;

    bool isEmpty() const { return !ai && !person && !asr; }
};

} // namespace tierdesk
