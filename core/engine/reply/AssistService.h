#pragma once

#include "core/engine/admin/AiProviders.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/reply/AssistInput.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace tierdesk {

class Assistant;

// What an agent asks for (POST /api/cs/sessions/:id/assist).
struct AssistRequest {
    AssistTask task = AssistTask::Draft;
    QString text; // translate, improve: required; draft, summary: not read
    QString language; // translate: the language code to write in (core/domain/Language.h)
};

// AI help for the people at the desk (docs/api.md, "Agent assist"): a draft reply, a
// summary, a translation, an improved text, worded by the company's assist model or,
// with the local responder, from templates (draft, summary). The session is read here,
// on the engine thread; the work runs on a bounded pool (ai/maxConcurrent) and its
// answer comes back on the engine thread, so the engine never waits for a model.
// At every hand-over to a person, a company with a model gets the summary written as the
// session's issueSummary (off the engine thread; stored afterwards like other updates).
class AssistService : public QObject {
public:
    AssistService(EngineCore &core, AiProviders &providers, QObject *parent = nullptr);
    ~AssistService() override; // waits for the work in flight

    static constexpr int kTranscriptMessages = 50; // the last messages a task is done from
    static constexpr int kMaxSummaryChars = 2000; // an issue summary written at a hand-over
    static constexpr int kMaxConcurrent = 256; // tasks in flight at once at most (ai/maxConcurrent)

    using Done = std::function<void(Result<AssistAnswer>)>;
    // `done` on the engine thread, once (at once on a refusal), unless `context` is gone by then.
    // Recorded in the audit log (the task, never the text).
    void assist(const QString &companyId, const QString &sessionId, const AssistRequest &request, const Actor &actor,
        QObject *context, Done done);
    // A help-center article worded by the company's model from what customers asked (`questions`)
    // and what people answered (`replies`), checked by the guard against those words (a knowledge
    // gap's draft). Unavailable/NeedsLanguageModel when the company has no model.
    void article(const QString &companyId, const QStringList &questions, const QStringList &replies, QObject *context,
        Done done);
    void setMaxConcurrent(int calls) { m_pool.setMaxThreadCount(qBound(1, calls, kMaxConcurrent)); }
    // Hand-over summaries written so far (tests wait on it; engine thread).
    int handoverSummaries() const { return m_handoverSummaries; }

private:
    Status check(const AssistRequest &request, Language *target) const;
    // The session's copy a task is done from.
    Result<std::shared_ptr<AssistInput>> snapshot(
        const Company &company, const QString &sessionId, AssistTask task, bool withKnowledge);
    // What was done in the transcript, as facts for the guard and words for a summary.
    void gatherDone(AssistInput &in) const;
    // Who does the task: the company's model, or the local templates (a null model).
    Result<std::shared_ptr<const Assistant>> assistantFor(const Company &company);
    void start(std::shared_ptr<const Assistant> assistant, std::shared_ptr<const AssistInput> input,
        std::function<void(Result<AssistAnswer>)> then);
    // An answer's model calls, counted apart from the replies (analytics' cost.assist).
    void recordUsage(const AssistInput &input, const ModelCharge &charge);
    // start(), `done` dropped when `context` (if given) is gone by then.
    void startFor(QObject *context, std::shared_ptr<const Assistant> assistant,
        std::shared_ptr<const AssistInput> input, Done done);
    // What a task takes from the company: its language, the human tier's tone and length, its
    // irate protocol, AI settings and profile.
    static void takeCompany(AssistInput &in, const Company &company);
    void summariseHandover(const QString &companyId, const QString &sessionId);
    void storeSummary(const QString &companyId, const QString &sessionId, const QString &summary);

    EngineCore &m_core;
    AiProviders &m_providers;
    QThreadPool m_pool; // model calls: each waits on the network for up to its provider's timeout
    std::unique_ptr<MessageAnalyzer> m_analyzer; // a local draft's; made when first needed
    int m_handoverSummaries = 0;
};

} // namespace tierdesk
