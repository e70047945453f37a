#pragma once

#include "core/common/Result.h"
#include "core/domain/AiProvider.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/reply/AssistInput.h"
#include "core/integrations/models/ChatModel.h"

#include <QLoggingCategory>

#include <memory>

namespace tierdesk {

// Agent assist's log: providers that fail or answer nothing, summaries not written.
Q_DECLARE_LOGGING_CATEGORY(lcAssist)

// Does one task of agent assist from a snapshot of the session: with the company's
// model (AssistPrompts, personal data masked when the company says so and put back,
// within the provider's timeout), or from the local templates (draft: the local
// responder's answer to the customer's last message; summary: the session's facts).
// A draft is checked by the ReplyGuard against what was done in the session; what it
// flags is named in guardNotes, the text is returned as it is (the agent edits it).
// Blocking and thread-safe: run it on a worker, never on the engine thread.
class Assistant {
public:
    // `model` null: the local templates; `analyzer` reads the customer's last message for a local draft.
    Assistant(std::shared_ptr<ChatModel> model, AiProvider provider, const MessageAnalyzer *analyzer);

    // Fails with Unavailable/NeedsLanguageModel for translate and improve without a model, and with
    // Unavailable/AiUnavailable (details.reason: timeout, rate_limited, provider_error) when the model fails.
    Result<AssistAnswer> run(const AssistInput &in) const;

    // The session in a few lines for a colleague (the local summary).
    static QString localSummary(const AssistInput &in);
    // What the guard finds in a draft: "<rule>: \"<sentence>\"" each.
    static QStringList guardNotes(const AssistInput &in, const QString &draft, bool byModel);

private:
    Result<AssistAnswer> local(const AssistInput &in) const;
    QString localDraft(const AssistInput &in) const;
    Result<AssistAnswer> ask(const AssistInput &in) const;

    std::shared_ptr<ChatModel> m_model;
    AiProvider m_provider;
    const MessageAnalyzer *m_analyzer;
};

} // namespace tierdesk
