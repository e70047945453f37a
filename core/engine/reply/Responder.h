#pragma once

#include "core/domain/Language.h"
#include "core/engine/actions/Actions.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/policy/EscalationPolicy.h"
#include "core/store/KbRepo.h"

#include <optional>

namespace tierdesk {

struct ReplyContext {
    const Session &session; // already at the tier that answers
    const Customer &customer;
    const MessageAnalysis &analysis;
    const ActionReport &actions;
    const std::optional<EscalationDecision> &escalation; // taken on this message
    const QList<KbHit> &knowledge;
    const TierCapabilities &caps;
    const QString &message;
    Language language = Language::En; // of the reply (CS config `language`)
};

struct Reply {
    QString content;
    QStringList suggestedActions;
    QString model;
    int inputTokens = 0;
    int outputTokens = 0;
};

// Writes the AI tier's answer. It only words what the engine decided and did;
// it cannot take actions or change tiers.
class Responder {
public:
    virtual ~Responder() = default;
    virtual Reply compose(const ReplyContext &ctx) = 0;
    // True when compose() is pure computation of a few microseconds (no network, no
    // waiting): such replies are worded in batches, a slow responder's one by one.
    virtual bool answersAtOnce() const { return false; }
};

// Whether the local NLU understood the message well enough to answer it.
bool isConfident(const MessageAnalysis &analysis, const QList<KbHit> &knowledge);
// The article to answer from: the best-ranked hit of the message's category,
// else the best-ranked hit. `ctx.knowledge` must not be empty.
const KbArticle &bestArticle(const ReplyContext &ctx);
// Cuts text to at most `maxChars`, at a sentence end where possible.
QString fitLength(const QString &text, int maxChars);
// A rough token count (words and punctuation), as the metadata reports.
int approximateTokens(const QString &text);

} // namespace tierdesk
