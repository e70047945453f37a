#pragma once

#include "core/domain/AiSettings.h"
#include "core/engine/pipeline/ComposeInput.h"
#include "core/engine/policy/ConfigReplay.h"

#include <QMap>

#include <memory>

namespace tierdesk {

// What the model trial needs of one stored customer message beyond its text, copied
// on the engine thread with it (the knowledge search is a store read).
struct TrialFacts {
    int message = 0; // index into ReplaySession::texts
    QList<KbHit> knowledge; // found for the message's text, as a reply may quote it
    QList<Message> history; // the session's messages before it, the last ai.historyMessages
};

// A stored session's part of the trial: its customer, and its first customer messages.
struct TrialSession {
    Customer customer;
    QList<TrialFacts> turns; // oldest first
};

// One customer turn to word with the candidate model, built on a worker from the
// replay under the proposed config.
struct TrialTurn {
    QString sessionId;
    int messageIndex = 0; // the customer message's transcript position
    QString model; // the candidate's model for the tier that answers
    std::shared_ptr<const ComposeInput> input;
};

// What the guard made of a turn's reply.
enum class TrialVerdict {
    Ok, // the model's first words passed
    Repaired, // they broke a rule, the second try passed
    Fallback, // the local responder's words: ComposedReply::fallbackReason says why
};
QString toString(TrialVerdict v);

struct TrialResult {
    static constexpr int kQuoteChars = 200; // of the customer's text: enough to recognise the turn

    QString sessionId;
    int messageIndex = 0;
    Tier tier = Tier::AiRep; // the tier the reply is written as
    QString customerText; // shortened to kQuoteChars
    QString model; // the candidate's model for that tier
    QString reply; // the words that would go out
    TrialVerdict verdict = TrialVerdict::Ok;
    bool guardBroken = false; // the guard refused the model's first words (repaired, or fallen back on)
    QString fallbackReason; // guard, timeout, provider_error (a fallback's only)
    QStringList guardNotes;
    qint64 latencyMs = 0; // from the turn's start to its words, repair round and fallback included
    int inputTokens = 0; // as the provider counted them, for every call of the turn
    int outputTokens = 0;
    double cost = 0; // the tokens at the provider's prices, in `currency`
    QString currency;
};

struct TrialSummary {
    int turns = 0;
    int guardBreaks = 0; // replies the guard refused at first (repaired, or fallen back on)
    int repaired = 0;
    QMap<QString, int> fallbacks; // by reason: guard, timeout, provider_error
    qint64 p50LatencyMs = 0;
    qint64 p95LatencyMs = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double cost = 0;
    QString currency; // the turns' (one provider's)
};

// The candidate model's part of a what-if (POST /api/cs/config/simulate, "ai").
struct ModelTrialReport {
    AiSettings ai; // the candidate
    bool truncated = false; // the replayed sessions had more customer messages than ModelTrial::kMaxTurns
    QList<TrialResult> turns; // in the order of the sessions (newest first), then of their messages
};

// The turns of one replayed session that an AI tier answers under the proposed config,
// each with what the engine would give its responder: the session at the tier the
// replay reached, the analysis, the escalation decided on the message, no actions (the
// replay acts on nothing), the knowledge and history copied. A message a person would
// answer is left out. Pure: runs on a worker.
QList<TrialTurn> trialTurns(const ReplaySession &session, const TrialSession &facts, const QList<ReplayStep> &steps,
    const CsConfig &proposed, const std::shared_ptr<Responder> &candidate);

// The guard's verdict on a turn's composed reply, and what the turn cost.
TrialResult judged(const TrialTurn &turn, const ComposedReply &composed, qint64 latencyMs);

TrialSummary summarise(const QList<TrialResult> &turns);

} // namespace tierdesk
