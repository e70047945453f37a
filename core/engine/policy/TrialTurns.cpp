#include "core/engine/policy/TrialTurns.h"

#include <algorithm>
#include <cmath>

namespace tierdesk {
namespace {

// The latency below which `share` of the turns were worded (nearest rank).
qint64 percentile(QList<qint64> sorted, double share)
{
    if (sorted.isEmpty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = qsizetype(std::ceil(share * double(sorted.size())));
    return sorted.at(qBound(qsizetype(0), rank - 1, sorted.size() - 1));
}

ComposeInput inputFor(const ReplaySession &session, const TrialSession &facts, const TrialFacts &turn,
    const ReplayStep &step, const CsConfig &proposed)
{
    ComposeInput in;
    in.session = step.session;
    in.customer = facts.customer;
    in.analysis = step.analysis;
    in.escalation = step.escalation;
    in.knowledge = turn.knowledge;
    in.message = session.texts.at(turn.message);
    in.language = proposed.language;
    in.history = turn.history;
    // As the engine's prepareReply: the tier it left words a hand-over to a person.
    in.tier = step.session.currentTier == Tier::HumanAgent ? step.tierBefore : step.session.currentTier;
    in.caps = proposed.tier(in.tier);
    return in;
}

} // namespace

QString toString(TrialVerdict v)
{
    switch (v) {
    case TrialVerdict::Ok:
        return QStringLiteral("ok");
    case TrialVerdict::Repaired:
        return QStringLiteral("repaired");
    case TrialVerdict::Fallback:
        return QStringLiteral("fallback");
    }
    return {};
}

QList<TrialTurn> trialTurns(const ReplaySession &session, const TrialSession &facts, const QList<ReplayStep> &steps,
    const CsConfig &proposed, const std::shared_ptr<Responder> &candidate)
{
    QList<TrialTurn> out;
    for (const TrialFacts &turn : facts.turns) {
        const auto step = std::find_if(
            steps.cbegin(), steps.cend(), [&](const ReplayStep &s) { return s.message == turn.message; });
        if (step == steps.cend())
            continue; // a person had the session by then: no AI tier answers
        if (step->session.currentTier == Tier::HumanAgent && !step->escalation)
            continue;
        ComposeInput in = inputFor(session, facts, turn, *step, proposed);
        in.responder = candidate;
        const QString model = proposed.ai.modelFor(in.tier);
        out.append(TrialTurn{session.id, session.positions.value(turn.message, turn.message), model,
            std::make_shared<const ComposeInput>(std::move(in))});
    }
    return out;
}

TrialResult judged(const TrialTurn &turn, const ComposedReply &composed, qint64 latencyMs)
{
    const ComposeInput &in = *turn.input;
    TrialResult r;
    r.sessionId = turn.sessionId;
    r.messageIndex = turn.messageIndex;
    r.tier = in.tier;
    r.customerText = in.message.left(TrialResult::kQuoteChars);
    r.model = turn.model;
    r.reply = composed.reply.content;
    r.guardNotes = composed.guardNotes;
    r.latencyMs = latencyMs;
    // The model's figures: of the reply that goes out, or of the one the guard refused.
    const Reply *spent = &composed.reply;
    if (!composed.fallbackReason.isEmpty() || composed.fallback) {
        r.verdict = TrialVerdict::Fallback;
        r.fallbackReason = composed.fallbackReason.isEmpty() ? QStringLiteral("guard") : composed.fallbackReason;
        spent = composed.discarded ? &*composed.discarded : nullptr;
    } else if (composed.repaired) {
        r.verdict = TrialVerdict::Repaired;
    }
    r.guardBroken = composed.repaired || composed.discarded.has_value();
    if (spent) {
        r.inputTokens = spent->inputTokens;
        r.outputTokens = spent->outputTokens;
        r.cost = spent->charge.amount;
        r.currency = spent->charge.currency;
    }
    return r;
}

TrialSummary summarise(const QList<TrialResult> &turns)
{
    TrialSummary s;
    QList<qint64> latencies;
    for (const TrialResult &t : turns) {
        ++s.turns;
        s.guardBreaks += t.guardBroken ? 1 : 0;
        s.repaired += t.verdict == TrialVerdict::Repaired ? 1 : 0;
        if (t.verdict == TrialVerdict::Fallback)
            ++s.fallbacks[t.fallbackReason];
        latencies << t.latencyMs;
        s.inputTokens += t.inputTokens;
        s.outputTokens += t.outputTokens;
        s.cost += t.cost;
        if (s.currency.isEmpty())
            s.currency = t.currency;
    }
    s.p50LatencyMs = percentile(latencies, 0.50);
    s.p95LatencyMs = percentile(latencies, 0.95);
    return s;
}

} // namespace tierdesk
