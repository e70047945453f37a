#include "core/engine/pipeline/TurnReading.h"

#include "core/engine/actions/Actions.h"
#include "core/engine/dialogue/DialogueState.h"
#include "core/engine/pipeline/MessageAnalysis.h"

namespace tierdesk {

TurnReading TurnReading::of(const MessageAnalysis &a, const dialogue::DialogueState &state, const ActionReport &report)
{
    TurnReading r;
    r.intent = a.intent.intent;
    r.intentConfidence = a.intent.confidence;
    r.rankedIntents = a.intent.ranked;
    r.sentiment = a.sentiment.level;
    r.sentimentScore = a.sentiment.score;
    r.sarcasm = a.sentiment.sarcasm;
    r.slotValues = a.slotValues;
    r.awaitingSlot = state.awaitingSlot;
    r.awaitingConfirmation = !report.confirmation.isEmpty() && state.pending.has_value();
    r.needsOrderNumber = report.needsOrderNumber;
    return r;
}

} // namespace tierdesk
