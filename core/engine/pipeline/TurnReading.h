#pragma once

#include "core/domain/Enums.h"
#include "core/nlu/SlotExtractor.h"

#include <QList>
#include <QPair>
#include <QString>

namespace tierdesk {

struct ActionReport;
struct MessageAnalysis;
namespace dialogue {
struct DialogueState;
}

// What a turn read in the customer's message and where the dialogue stands after it, for the doors
// that report it to their clients (the Lex runtime's intent, slots, sentiment and dialog action).
// Read from the turn's analysis (after the dialogue's corrections) and its dialogue state; nothing
// here decides anything.
struct TurnReading {
    QString intent; // Tierdesk's intent name ("order_status"); "out_of_scope" when none is likely
    double intentConfidence = 0; // 0..1
    QList<QPair<QString, double>> rankedIntents; // the classifier's best three, best first
    Sentiment sentiment = Sentiment::Neutral;
    double sentimentScore = 0.5; // 0..1, 0.5 neutral
    nlu::Slots slotValues; // what the message named: order numbers, an amount, an e-mail address
    QString awaitingSlot; // "order_id" or "amount" while the AI waits for it
    bool awaitingConfirmation = false; // the reply asks the customer to confirm an action
    bool needsOrderNumber = false; // the reply asks which order (the number)
    bool sarcasm = false; // praise that is not meant: a mixed sentiment

    static TurnReading of(const MessageAnalysis &a, const dialogue::DialogueState &state, const ActionReport &report);
};

} // namespace tierdesk
