#pragma once

#include "core/domain/CsConfig.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/policy/EscalationPolicy.h"

#include <QList>
#include <QString>

#include <optional>

namespace tierdesk {

// A read-only copy of what the replay needs of one stored session, taken on the
// engine thread: its customer messages in order, with their transcript positions.
struct ReplaySession {
    QString id;
    QString customerId;
    qint64 createdAt = 0;
    bool customerIsVip = false;
    QStringList texts; // the customer's messages, oldest first
    QList<int> positions; // each one's position in the transcript (0 = first message)
};

// The first automatic escalation a replay produced.
struct ReplayEscalation {
    int messagePosition = 0;
    Tier tier = Tier::AiManager;
    EscalationReason reason = EscalationReason::ComplexIssue;
    bool operator==(const ReplayEscalation &o) const
    {
        return messagePosition == o.messagePosition && tier == o.tier && reason == o.reason;
    }
};

struct ReplayResult {
    std::optional<ReplayEscalation> first;
    Tier finalTier = Tier::AiRep;
};

// One replayed customer message as the policy saw it: what a reply to it would be
// worded from (the model trial words it, ModelTrial).
struct ReplayStep {
    int message = 0; // index into ReplaySession::texts
    Session session; // after the message: at the tier it left the session at
    Tier tierBefore = Tier::AiRep;
    MessageAnalysis analysis;
    std::optional<EscalationDecision> escalation; // decided on this message
};

// How the proposed config changes one session's first escalation.
enum class ReplayChange { None, Earlier, Later, NoLonger, Newly, Different };
QString toString(ReplayChange c);

// Replays a session's customer messages through the engine's escalation policy
// (decideEscalation) under `config`: each message is analysed with the config's irate
// protocol, the irate count and the tier are carried from message to message as the
// engine does. What the replay cannot know without the store of the time is left out
// and documented (docs/api.md, "What-if: replaying a config"): repeat contact, the
// knowledge base's confidence, and what an order still owes (the amount written is used).
// Pure: safe on a worker thread (MessageAnalyzer is const and thread-safe). With `steps`,
// each message the policy decided on is appended there too.
ReplayResult replaySession(const ReplaySession &session, const CsConfig &config, const MessageAnalyzer &analyzer,
    const QString &companyId, QList<ReplayStep> *steps = nullptr);

ReplayChange compareReplays(const ReplayResult &before, const ReplayResult &after);

} // namespace tierdesk
