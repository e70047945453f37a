#pragma once

#include "core/domain/AiSettings.h"
#include "core/engine/reply/Responder.h"
#include "core/integrations/models/ChatModel.h"

namespace tierdesk {

// What a model is given to word one reply: a fixed system prompt in the company's
// language with the tier's tone and length, the turn's facts as the engine decided
// them (actions and results, a pending confirmation, the escalation, the customer,
// the orders, the knowledge-base passages with their ids), and the last messages.
// The customer's words go only into user messages: data, never instructions.
class PromptBuilder {
public:
    PromptBuilder(const ReplyContext &ctx, const AiSettings &settings) : m_ctx(ctx), m_settings(settings) { }

    // `history`: the conversation before this message, oldest first (the current one is ctx.message).
    ChatRequest request(const QString &model, const QList<Message> &history) const;
    QString systemPrompt() const;
    QString facts() const;
    // The user message that sends a reply back once, with the rules it broke.
    static QString repairRequest(const QStringList &broken, Language language);

private:
    QString actionFacts() const;
    QString orderFacts(const Order &o) const;
    QString sourcedOrderFacts(const Order &o) const;
    QString knowledgeFacts() const;
    QString rules() const;
    QString mediumRule() const;
    QString guidance() const;
    QString companyFacts() const;

    const ReplyContext &m_ctx;
    const AiSettings &m_settings;
};

} // namespace tierdesk
