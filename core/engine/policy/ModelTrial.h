#pragma once

#include "core/engine/pipeline/ReplyComposer.h"
#include "core/engine/policy/TrialTurns.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tierdesk {

// Words a what-if's customer turns with a candidate language model, as the engine
// would word them: through the ReplyComposer's guard, repair round and fallback,
// within the reply timeout (replies/timeoutMs) and each call within the provider's.
// The calls run on the composer's pool, an allowance of ai/maxConcurrent of its own
// (live replies never wait behind a what-if); a trial has at most that many calls in
// flight and sends the next only when one is done, so a caller that has gone costs
// nothing more than the calls already sent. The engine thread never waits.
class ModelTrial : public QObject {
public:
    // Customer turns worded per simulation: a model call (two with a repair) costs
    // seconds and money, and fifty turns show a model's manners well enough.
    static constexpr int kMaxTurns = 50;
    static constexpr int kKnowledgeHits = 4; // passages searched per turn, as the engine does

    explicit ModelTrial(QObject *parent = nullptr);
    ~ModelTrial() override; // waits for calls still running (each ends within its provider's timeout)

    void setLimits(int replyTimeoutMs, int maxConcurrent);

    // Whether a proposed "ai" configuration words replies differently and names a model provider.
    static bool triesModel(const AiSettings &current, const AiSettings &proposed);

    using Wanted = std::function<bool()>; // false once the caller has gone
    using Done = std::function<void(QList<TrialResult>)>;
    // Words every turn; `done` on this thread with the results in the turns' order (at once
    // when there are none), or never when `wanted` turned false first.
    void run(QList<TrialTurn> turns, Wanted wanted, Done done);

private:
    struct Batch;
    void feed(const std::shared_ptr<Batch> &batch);
    void finished(const std::shared_ptr<Batch> &batch, int index, TrialResult result);

    ReplyComposer m_composer;
    int m_maxConcurrent = 8;
};

} // namespace tierdesk
