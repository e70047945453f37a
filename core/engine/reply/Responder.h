#pragma once

#include "core/domain/AiSettings.h"
#include "core/domain/CompanyProfile.h"
#include "core/domain/Language.h"
#include "core/engine/actions/Actions.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/policy/EscalationPolicy.h"
#include "core/store/KbRepo.h"

#include <optional>

namespace tierdesk {

// What a reply has no earlier messages of (the local responder reads none).
const QList<Message> &noHistory();
// A company that has said nothing of itself: no contact, UTC, US dollars, an unnamed AI.
const CompanyProfile &noProfile();
const AiSettings &noVoice();

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
    const QList<Message> &history = noHistory(); // the last messages before this one, oldest first (a model's)
    Tier tier = Tier::AiRep; // the tier the reply is written as (an escalation's: the tier it left)
    const CompanyProfile &company = noProfile(); // how customers reach the company; its currency and time zone
    const AiSettings &ai = noVoice(); // the AI's persona, greeting and the company's guidance
    QString companyName{}; // as its customers know it
};

struct Reply {
    QString content;
    QStringList suggestedActions;
    QString model;
    int inputTokens = 0;
    int outputTokens = 0;
    qint64 latencyMs = 0; // the model's own time, when a model wrote it
    ModelCharge charge; // the model calls made for these words, at the provider's prices
    // Why a model gave no usable words ("timeout", "provider_error"): the local responder answers.
    QString failure{};
    // Why the company's knowledge did not answer the customer's question (gapreason's names):
    // the local responder's verdict, also taken for a model's reply (ReplyComposer).
    QString knowledgeGap{};
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
    // A second try at a reply that broke the guard's `rules` (a model is told which);
    // nullopt when this responder cannot do better (the local responder's words are fixed).
    virtual std::optional<Reply> repair(const ReplyContext &ctx, const Reply &broken, const QStringList &rules)
    {
        Q_UNUSED(ctx);
        Q_UNUSED(broken);
        Q_UNUSED(rules);
        return std::nullopt;
    }
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
