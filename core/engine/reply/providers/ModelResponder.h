#pragma once

#include "core/domain/AiProvider.h"
#include "core/domain/AiSettings.h"
#include "core/engine/reply/Responder.h"
#include "core/integrations/models/ChatModel.h"

#include <memory>

namespace tierdesk {

// Words a reply with a language model: the prompt from the turn's facts
// (PromptBuilder), personal data masked when the company says so (PiiMask), the
// call within the provider's timeout. It never decides anything; a failure comes
// back as Reply::failure for the composer's fallback, and a reply the guard refuses
// can be tried once more with the rules it broke. Thread-safe (no state per call).
class ModelResponder final : public Responder {
public:
    ModelResponder(std::shared_ptr<ChatModel> model, AiProvider provider, AiSettings settings);

    Reply compose(const ReplyContext &ctx) override;
    std::optional<Reply> repair(const ReplyContext &ctx, const Reply &broken, const QStringList &rules) override;

    const AiProvider &provider() const { return m_provider; }
    const AiSettings &settings() const { return m_settings; }

private:
    Reply ask(const ReplyContext &ctx, const QList<ChatMessage> &extra) const;

    std::shared_ptr<ChatModel> m_model;
    AiProvider m_provider;
    AiSettings m_settings;
};

} // namespace tierdesk
