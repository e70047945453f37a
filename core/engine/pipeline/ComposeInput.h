#pragma once

#include "core/engine/reply/Responder.h"

#include <memory>

namespace tierdesk {

// What a reply is composed from: a copy of the turn's facts taken when its
// transaction was done, so a responder can word it on another thread while the
// engine goes on with other messages.
struct ComposeInput {
    Session session; // at the tier that answers
    Customer customer;
    MessageAnalysis analysis;
    ActionReport actions;
    std::optional<EscalationDecision> escalation;
    QList<KbHit> knowledge;
    TierCapabilities caps;
    QString message;
    Language language = Language::En;
    QList<Message> history{}; // read only when a model words the reply
    std::shared_ptr<Responder> responder{}; // the company's model responder; null: the composer's own
    Tier tier = Tier::AiRep; // the tier the reply is written as
    CompanyProfile company{}; // the company's contact, currency and time zone
    CompanyPolicies policies{}; // its return windows, plans and links: facts a reply may state
    AiSettings ai{}; // its AI's persona, greeting and guidance
    QString companyName{};

    ReplyContext context() const
    {
        return {session, customer, analysis, actions, escalation, knowledge, caps, message, language, history, tier,
            company, ai, companyName};
    }
};

// A reply as it will be stored: the words, and how they came to be.
struct ComposedReply {
    Reply reply;
    bool timedOut = false; // the responder did not answer in time: the fallback's words
    bool fallback = false; // the fallback responder wrote it
    QStringList guardNotes; // what the ReplyGuard removed or replaced, and why
    // Why the local responder's words went out instead of a model's: timeout, provider_error, guard.
    QString fallbackReason{};
    bool repaired = false; // a model's reply broke a rule and its second try did not
    // A model's last words when the local responder's went out instead (the guard refused them):
    // its tokens, latency and cost are of all its calls, counted and paid all the same.
    std::optional<Reply> discarded{};
};

} // namespace tierdesk
