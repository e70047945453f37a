#include "core/engine/policy/ModelTrial.h"

#include <QElapsedTimer>

namespace tierdesk {

// One run's turns, what came back of them, and whom to answer.
struct ModelTrial::Batch {
    QList<TrialTurn> turns;
    QList<TrialResult> results;
    int next = 0; // the next turn to send
    int inFlight = 0;
    int done = 0;
    Wanted wanted;
    Done answer;
};

ModelTrial::ModelTrial(QObject *parent) : QObject(parent)
{
    m_composer.setMaxConcurrent(m_maxConcurrent);
}

ModelTrial::~ModelTrial() = default;

void ModelTrial::setLimits(int replyTimeoutMs, int maxConcurrent)
{
    m_composer.setTimeoutMs(replyTimeoutMs);
    m_maxConcurrent = qBound(1, maxConcurrent, ReplyComposer::kMaxConcurrent);
    m_composer.setMaxConcurrent(m_maxConcurrent);
}

bool ModelTrial::triesModel(const AiSettings &current, const AiSettings &proposed)
{
    // The assist model words no customer reply: changing only it changes nothing here.
    const bool wording = current.provider != proposed.provider || current.aiRepModel != proposed.aiRepModel
        || current.aiManagerModel != proposed.aiManagerModel || current.historyMessages != proposed.historyMessages
        || current.maskPii != proposed.maskPii || !qFuzzyCompare(1 + current.temperature, 1 + proposed.temperature);
    return wording && proposed.usesModel();
}

void ModelTrial::run(QList<TrialTurn> turns, Wanted wanted, Done done)
{
    auto batch = std::make_shared<Batch>();
    batch->results.resize(turns.size());
    batch->turns = std::move(turns);
    batch->wanted = std::move(wanted);
    batch->answer = std::move(done);
    if (batch->turns.isEmpty()) {
        batch->answer({});
        return;
    }
    feed(batch);
}

void ModelTrial::feed(const std::shared_ptr<Batch> &batch)
{
    while (batch->inFlight < m_maxConcurrent && batch->next < batch->turns.size()) {
        if (!batch->wanted())
            return; // the caller has gone: nothing more is sent
        const int index = batch->next++;
        ++batch->inFlight;
        QElapsedTimer timer;
        timer.start();
        m_composer.compose(batch->turns.at(index).input, [this, batch, index, timer](const ComposedReply &reply) {
            finished(batch, index, judged(batch->turns.at(index), reply, timer.elapsed()));
        });
    }
}

void ModelTrial::finished(const std::shared_ptr<Batch> &batch, int index, TrialResult result)
{
    --batch->inFlight;
    ++batch->done;
    batch->results[index] = std::move(result);
    if (!batch->wanted())
        return;
    if (batch->done == batch->turns.size()) {
        batch->answer(std::move(batch->results));
        return;
    }
    feed(batch);
}

} // namespace tierdesk
