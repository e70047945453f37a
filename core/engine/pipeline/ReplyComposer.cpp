#include "core/engine/pipeline/ReplyComposer.h"

#include "core/engine/reply/LocalResponder.h"
#include "core/engine/reply/ReplyGuard.h"

#include <QLoggingCategory>

#include <limits>

namespace tierdesk {
namespace {

Q_LOGGING_CATEGORY(lcReplies, "tierdesk.replies")

// What is said when every sentence of a reply failed the guard (a defect of the responder).

} // namespace

ReplyComposer::ReplyComposer(std::shared_ptr<Responder> responder, QObject *parent)
    : QObject(parent), m_responder(responder ? std::move(responder) : std::make_shared<LocalResponder>()),
      m_fallback(std::make_shared<LocalResponder>())
{
    // Wording is mostly waiting (a model's answer, later): more threads than cores.
    m_pool.setMaxThreadCount(8);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplyComposer::settleOverdue);
}

ReplyComposer::~ReplyComposer()
{
    m_pool.waitForDone();
}

void ReplyComposer::setResponder(std::shared_ptr<Responder> responder)
{
    m_responder = responder ? std::move(responder) : std::make_shared<LocalResponder>();
}

void ReplyComposer::compose(std::shared_ptr<const ComposeInput> input, Done done)
{
    const quint64 id = ++m_lastId;
    m_waiting.emplace(id, Waiting{std::move(done), QDeadlineTimer(m_timeoutMs), input});
    if (!m_timer.isActive() || m_timer.remainingTime() > m_timeoutMs)
        armTimer();
    // The worker holds the snapshot and the responder (the pools are waited for before this
    // object goes); the reply, worded and checked, comes back by id.
    std::function<ComposedReply()> word = [this, responder = m_responder, input] {
        return guarded(responder->compose(input->context()), *input, false);
    };
    if (m_responder->answersAtOnce()) {
        m_quick.run<ComposedReply>(std::move(word), [this, id](ComposedReply reply) { settle(id, std::move(reply)); });
        return;
    }
    m_pool.start([this, id, word = std::move(word)] {
        ComposedReply reply = word();
        QMetaObject::invokeMethod(
            this, [this, id, reply = std::move(reply)]() mutable { settle(id, std::move(reply)); },
            Qt::QueuedConnection);
    });
}

void ReplyComposer::settle(quint64 id, std::optional<ComposedReply> reply)
{
    // Whichever comes first, the responder's words or the timeout, settles the reply.
    const auto it = m_waiting.find(id);
    if (it == m_waiting.end()) {
        qCInfo(lcReplies, "a reply worded after its timeout was dropped"); // the local responder's stands
        return;
    }
    const Waiting waiting = std::move(it->second);
    m_waiting.erase(it);
    if (reply) {
        waiting.done(std::move(*reply));
        return;
    }
    qCWarning(lcReplies, "the responder took longer than %d ms; the local responder answered", m_timeoutMs);
    ComposedReply late = guarded(m_fallback->compose(waiting.input->context()), *waiting.input, true);
    late.timedOut = true;
    waiting.done(std::move(late));
}

void ReplyComposer::armTimer()
{
    if (m_waiting.empty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto &entry : m_waiting)
        earliest = qMin(earliest, entry.second.due.remainingTime());
    m_timer.start(int(qBound(qint64(0), earliest, qint64(std::numeric_limits<int>::max()))));
}

void ReplyComposer::settleOverdue()
{
    QList<quint64> overdue;
    for (const auto &entry : m_waiting)
        if (entry.second.due.hasExpired())
            overdue << entry.first;
    for (const quint64 id : overdue)
        settle(id, std::nullopt);
    armTimer();
}

ComposedReply ReplyComposer::composeNow(const ComposeInput &input)
{
    return guarded(m_responder->compose(input.context()), input, false);
}

ComposedReply ReplyComposer::guarded(const Reply &reply, const ComposeInput &input, bool fromFallback) const
{
    const ReplyGuard guard(input.actions, input.knowledge, input.message, input.language);
    const QList<ReplyGuard::Violation> bad = guard.check(reply.content);
    if (bad.isEmpty())
        return ComposedReply{reply, false, fromFallback, {}};
    QStringList notes;
    for (const ReplyGuard::Violation &v : bad) {
        notes << QStringLiteral("%1: \"%2\"").arg(v.reason, v.sentence.left(200));
        qCWarning(lcReplies, "reply held back, it %s: %s", qPrintable(v.reason), qPrintable(v.sentence.left(200)));
    }
    if (!fromFallback) {
        ComposedReply instead = guarded(m_fallback->compose(input.context()), input, true);
        instead.guardNotes = notes + instead.guardNotes;
        return instead;
    }
    Reply cut = reply;
    cut.content = guard.strip(reply.content);
    if (cut.content.isEmpty())
        cut.content = Phrases(input.language)(Phrase::SafeReply);
    cut.outputTokens = approximateTokens(cut.content);
    return ComposedReply{cut, false, true, notes};
}

} // namespace tierdesk
