#include "core/engine/pipeline/AiReplyMessage.h"

#include "core/common/Ids.h"

namespace tierdesk {

namespace {

QString roleOf(Tier t)
{
    switch (t) {
    case Tier::AiRep:
        return QStringLiteral("ai_rep");
    case Tier::AiManager:
        return QStringLiteral("ai_manager");
    case Tier::HumanAgent:
        return QStringLiteral("human_agent");
    }
    return {};
}

} // namespace

Message aiReplyMessage(const Turn &turn, const ComposedReply &composed, qint64 nowMs)
{
    const ComposeInput &in = *turn.compose;
    const Reply &reply = composed.reply;
    Message ai;
    ai.id = ids::random(QStringLiteral("msg_"));
    ai.role = roleOf(turn.speaker);
    ai.content = reply.content;
    if (!turn.handoverNote.isEmpty())
        ai.content += QLatin1Char(' ') + turn.handoverNote;
    ai.timestamp = nowMs;
    AiReplyMeta meta;
    meta.actionsTaken = in.actions.actionsTaken;
    meta.confidence = qRound(in.analysis.intent.confidence * 1000) / 1000.0;
    meta.intent = in.analysis.intent.intent;
    meta.latencyMs = qMax<qint64>(turn.timer.elapsed(), 0);
    meta.model = reply.model;
    meta.suggestedActions = reply.suggestedActions;
    meta.inputTokens = reply.inputTokens;
    meta.outputTokens = reply.outputTokens;
    meta.charge = reply.charge;
    if (composed.discarded) {
        // The guard refused the model's words and the local responder's went out (`model` names
        // it): the model's calls were paid all the same, so the turn reports their tokens and cost.
        meta.inputTokens = composed.discarded->inputTokens;
        meta.outputTokens = composed.discarded->outputTokens;
        meta.charge = composed.discarded->charge;
    }
    meta.fallback = composed.fallbackReason; // timeout, provider_error or guard: the local words went out
    meta.guardNotes = composed.guardNotes;
    ai.meta.ai = std::move(meta);
    return ai;
}

} // namespace tierdesk
