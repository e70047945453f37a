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
    std::shared_ptr<Responder> responder = input->responder ? input->responder : m_responder;
    const bool atOnce = responder->answersAtOnce();
    std::function<ComposedReply()> word
        = [this, responder = std::move(responder), input] { return worded(*responder, *input); };
    if (atOnce) {
        m_quick.run<ComposedReply>(std::move(word), [this, id](ComposedReply reply) { settle(id, std::move(reply)); });
        return;
    }
    m_pool.start([this, id, word = std::move(word)] { handBack(id, word()); });
}

void ReplyComposer::handBack(quint64 id, ComposedReply reply)
{
    bool first = false;
    {
        const std::lock_guard<std::mutex> lock(m_handedBackLock);
        first = m_handedBack.empty();
        m_handedBack.emplace_back(id, std::move(reply));
    }
    if (first) // the pass already asked for settles the ones that come after it
        QMetaObject::invokeMethod(this, &ReplyComposer::settleHandedBack, Qt::QueuedConnection);
}

void ReplyComposer::settleHandedBack()
{
    std::vector<std::pair<quint64, ComposedReply>> replies;
    {
        const std::lock_guard<std::mutex> lock(m_handedBackLock);
        replies.swap(m_handedBack);
    }
    for (auto &[id, reply] : replies)
        settle(id, std::move(reply));
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
    late.fallbackReason = QStringLiteral("timeout");
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
    return worded(input.responder ? *input.responder : *m_responder, input);
}

ComposedReply ReplyComposer::worded(Responder &responder, const ComposeInput &input) const
{
    ComposedReply composed = checked(responder, input);
    // Whether the company's knowledge answered is the engine's verdict, not a model's wording:
    // the local responder's, which wrote it or is asked (microseconds beside a model's call).
    if (!composed.fallback && !responder.answersAtOnce())
        composed.reply.knowledgeGap = m_fallback->compose(input.context()).knowledgeGap;
    return composed;
}

ComposedReply ReplyComposer::checked(Responder &responder, const ComposeInput &input) const
{
    const ReplyContext ctx = input.context();
    const Reply first = responder.compose(ctx);
    if (!first.failure.isEmpty()) { // the model gave no words: the local responder's go out
        ComposedReply instead = guarded(m_fallback->compose(ctx), input, true);
        instead.fallbackReason = first.failure;
        return instead;
    }
    const QList<ReplyGuard::Violation> bad = violations(first, input);
    if (bad.isEmpty())
        return ComposedReply{first, false, false, {}};
    // Told which rules it broke, a model may try once more; the local responder cannot.
    const std::optional<Reply> second = responder.repair(ctx, first, reasons(bad));
    if (!second) {
        ComposedReply instead = guarded(first, input, false);
        if (instead.fallback)
            instead.discarded = first;
        return instead;
    }
    QStringList notes = notesOf(bad);
    if (second->failure.isEmpty()) {
        const QList<ReplyGuard::Violation> still = violations(*second, input);
        if (still.isEmpty()) {
            ComposedReply repaired{*second, false, false, notes};
            repaired.repaired = true;
            return repaired;
        }
        notes += notesOf(still);
    }
    ComposedReply instead = guarded(m_fallback->compose(ctx), input, true);
    instead.guardNotes = notes + instead.guardNotes;
    instead.fallbackReason = second->failure.isEmpty() ? QStringLiteral("guard") : second->failure;
    instead.discarded = *second;
    return instead;
}

ReplyGuard::Scope ReplyComposer::scopeOf(const ComposeInput &input, bool byModel)
{
    QStringList earlier;
    for (const Message &m : input.history)
        if (m.role == QLatin1String("customer"))
            earlier << m.content;
    // The local responder cuts its own words to the tier's length; a model is held to it.
    return {earlier.join(QLatin1Char('\n')), input.escalation.has_value(), byModel ? input.caps.maxResponseLength : 0,
        replyMedium(input.session), companyFacts(input), byModel};
}

// What the company says of itself, as a reply may state it: its contact, and its policies'
// return windows and plans.
QString ReplyComposer::companyFacts(const ComposeInput &input)
{
    const CompanyProfile &c = input.company;
    QStringList facts{c.supportPhone, c.supportEmail, c.website};
    const CompanyPolicies &p = input.policies;
    facts << QStringLiteral("%1 days").arg(p.returnWindowDays);
    for (auto it = p.returnWindowDaysByTier.cbegin(); it != p.returnWindowDaysByTier.cend(); ++it)
        facts << QStringLiteral("%1 days").arg(it.value());
    for (const MembershipPlan &plan : p.plans)
        facts << plan.name
              << (plan.returnWindowDays > 0 ? QStringLiteral("%1 days").arg(plan.returnWindowDays) : QString());
    facts << p.selfService.orders << p.selfService.returns << p.selfService.account << p.selfService.subscription;
    return facts.join(QLatin1Char('\n'));
}

QList<ReplyGuard::Violation> ReplyComposer::violations(const Reply &reply, const ComposeInput &input)
{
    ReplyGuard guard(input.actions, input.knowledge, input.message, input.language);
    guard.setScope(scopeOf(input, input.responder != nullptr));
    return guard.check(reply.content);
}

QStringList ReplyComposer::reasons(const QList<ReplyGuard::Violation> &bad)
{
    QStringList out;
    for (const ReplyGuard::Violation &v : bad)
        out << QStringLiteral("it %1 (\"%2\")").arg(v.reason, v.sentence.left(200));
    return out;
}

QStringList ReplyComposer::notesOf(const QList<ReplyGuard::Violation> &bad)
{
    QStringList notes;
    for (const ReplyGuard::Violation &v : bad) {
        notes << QStringLiteral("%1: \"%2\"").arg(v.reason, v.sentence.left(200));
        qCWarning(lcReplies, "reply held back, it %s: %s", qPrintable(v.reason), qPrintable(v.sentence.left(200)));
    }
    return notes;
}

ComposedReply ReplyComposer::guarded(const Reply &reply, const ComposeInput &input, bool fromFallback) const
{
    ReplyGuard guard(input.actions, input.knowledge, input.message, input.language);
    guard.setScope(scopeOf(input, false));
    const QList<ReplyGuard::Violation> bad = guard.check(reply.content);
    if (bad.isEmpty())
        return ComposedReply{reply, false, fromFallback, {}};
    const QStringList notes = notesOf(bad);
    if (!fromFallback) {
        ComposedReply instead = guarded(m_fallback->compose(input.context()), input, true);
        instead.guardNotes = notes + instead.guardNotes;
        return instead;
    }
    Reply cut = reply;
    cut.content = guard.strip(reply.content);
    if (cut.content.isEmpty())
        cut.content = Phrases(input.language, input.company)(Phrase::SafeReply);
    cut.outputTokens = approximateTokens(cut.content);
    return ComposedReply{cut, false, true, notes};
}

} // namespace tierdesk
