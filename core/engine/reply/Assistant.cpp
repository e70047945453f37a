#include "core/engine/reply/Assistant.h"

#include "core/engine/reply/LocalResponder.h"
#include "core/engine/reply/ReplyGuard.h"
#include "core/engine/reply/providers/AssistPrompts.h"
#include "core/engine/reply/providers/PiiMask.h"

#include <QLoggingCategory>

namespace tierdesk {

Q_LOGGING_CATEGORY(lcAssist, "tierdesk.assist")

namespace {

constexpr int kQuoteChars = 300; // of the customer's last message in a local summary

Error unavailable(const QString &reason, const QString &provider)
{
    return makeError(ErrorKind::Unavailable, ErrorDetail::AiUnavailable, QStringLiteral("AI service unavailable"),
        {{QStringLiteral("reason"), reason}, {QStringLiteral("provider"), provider}});
}

QString reasonOf(const Error &e)
{
    if (e.detail == ErrorDetail::AiTimedOut)
        return QStringLiteral("timeout");
    return e.kind == ErrorKind::LimitExceeded ? QStringLiteral("rate_limited") : QStringLiteral("provider_error");
}

} // namespace

QString toString(AssistTask task)
{
    switch (task) {
    case AssistTask::Draft:
        return QStringLiteral("draft");
    case AssistTask::Summary:
        return QStringLiteral("summary");
    case AssistTask::Translate:
        return QStringLiteral("translate");
    case AssistTask::Article:
        return QStringLiteral("article");
    case AssistTask::Improve:
        break;
    }
    return QStringLiteral("improve");
}

QStringList assistTaskNames()
{
    return {QStringLiteral("draft"), QStringLiteral("summary"), QStringLiteral("translate"), QStringLiteral("improve")};
}

std::optional<AssistTask> parseAssistTask(const QString &name)
{
    for (AssistTask t : {AssistTask::Draft, AssistTask::Summary, AssistTask::Translate, AssistTask::Improve})
        if (toString(t) == name)
            return t;
    return std::nullopt;
}

Assistant::Assistant(std::shared_ptr<ChatModel> model, AiProvider provider, const MessageAnalyzer *analyzer)
    : m_model(std::move(model)), m_provider(std::move(provider)), m_analyzer(analyzer)
{
}

Result<AssistAnswer> Assistant::run(const AssistInput &in) const
{
    Result<AssistAnswer> out = m_model ? ask(in) : local(in);
    if (out && (in.task == AssistTask::Draft || in.task == AssistTask::Improve || in.task == AssistTask::Article))
        out->guardNotes = guardNotes(in, out->text, m_model != nullptr);
    return out;
}

Result<AssistAnswer> Assistant::local(const AssistInput &in) const
{
    if (in.task == AssistTask::Translate || in.task == AssistTask::Improve || in.task == AssistTask::Article)
        return makeError(ErrorKind::Unavailable, ErrorDetail::NeedsLanguageModel,
            QStringLiteral("%1 needs a language model: the company's AI provider is \"local\"").arg(toString(in.task)),
            {{QStringLiteral("task"), toString(in.task)}, {QStringLiteral("provider"), in.ai.provider}});
    AssistAnswer a;
    a.task = in.task;
    a.model = QLatin1String(LocalResponder::kModel);
    a.text = in.task == AssistTask::Draft ? localDraft(in) : localSummary(in);
    a.outputTokens = approximateTokens(a.text);
    return a;
}

QString Assistant::localDraft(const AssistInput &in) const
{
    if (in.lastCustomerMessage.isEmpty() || !m_analyzer)
        return Phrases(in.language)(Phrase::HowCanIHelp);
    const MessageAnalysis analysis = m_analyzer->analyze(in.lastCustomerMessage, in.irate, in.session.companyId);
    // The local responder words what it would answer now; nothing is done for it, but an order
    // the message names (one of the customer's) is looked up, as the AI tiers would.
    ActionReport lookedUp;
    for (const Order &o : in.facts.orders)
        if (in.lastCustomerMessage.contains(o.id, Qt::CaseInsensitive)) {
            lookedUp.order = o;
            lookedUp.orders = {o};
            lookedUp.actionsTaken << QStringLiteral("order_lookup");
            break;
        }
    const std::optional<EscalationDecision> noEscalation;
    const ReplyContext ctx{in.session, in.customer, analysis, lookedUp, noEscalation, in.knowledge, in.caps,
        in.lastCustomerMessage, in.language, in.transcript, in.session.currentTier};
    LocalResponder responder;
    return responder.compose(ctx).content;
}

QString Assistant::localSummary(const AssistInput &in)
{
    const Customer &c = in.customer;
    QStringList lines;
    QString who = c.name.isEmpty() ? c.id : QStringLiteral("%1 (%2)").arg(c.name, c.id);
    who += QStringLiteral(", ") + c.tier + (c.isVIP ? QStringLiteral(", VIP") : QString());
    lines << QStringLiteral("Customer: ") + who;
    lines << QStringLiteral("Issue: ")
            + (in.session.issueSummary.isEmpty() ? QStringLiteral("not known yet") : in.session.issueSummary);
    lines << QStringLiteral("Done: ")
            + (in.done.isEmpty() ? QStringLiteral("nothing") : in.done.join(QStringLiteral("; ")));
    if (!in.session.escalationHistory.isEmpty()) {
        const EscalationRecord &e = in.session.escalationHistory.constLast();
        lines << QStringLiteral("Escalated: %1 to %2 (%3)%4")
                     .arg(toString(e.fromTier), toString(e.toTier), toString(e.reason),
                         e.notes.isEmpty() ? QString() : QStringLiteral(": ") + e.notes.left(kQuoteChars));
    }
    lines << QStringLiteral("Now: %1, %2, customer %3")
                 .arg(toString(in.session.currentTier), toString(in.session.status),
                     toString(in.session.customerSentiment).toLower());
    if (!in.lastCustomerMessage.isEmpty()) {
        QString quote = in.lastCustomerMessage.simplified();
        if (quote.size() > kQuoteChars)
            quote = quote.left(kQuoteChars - 3) + QStringLiteral("...");
        lines << QStringLiteral("Last customer message: \"%1\"").arg(quote);
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList Assistant::guardNotes(const AssistInput &in, const QString &draft, bool byModel)
{
    // The agent's own text (improve) is theirs to say, and an article may say what the people
    // answered: they count as known words.
    QString known = in.customerWords.join(QLatin1Char('\n'));
    if (in.task == AssistTask::Improve)
        known += QLatin1Char('\n') + in.text;
    if (in.task == AssistTask::Article)
        known += QLatin1Char('\n') + in.text + QLatin1Char('\n') + in.replies.join(QLatin1Char('\n'));
    ReplyGuard guard(in.facts, in.knowledge, in.lastCustomerMessage, in.language);
    guard.setScope({known, false, byModel ? in.caps.maxResponseLength : 0});
    QStringList notes;
    for (const ReplyGuard::Violation &v : guard.check(draft))
        notes << QStringLiteral("%1: \"%2\"").arg(v.reason, v.sentence.left(200));
    return notes;
}

Result<AssistAnswer> Assistant::ask(const AssistInput &in) const
{
    ChatRequest request = AssistPrompts(in).request();
    PiiMask mask;
    if (in.ai.maskPii)
        mask.maskRequest(request);
    const Result<ChatCompletion> done = m_model->complete(request, QDeadlineTimer(m_provider.timeoutMs));
    if (!done) {
        // The provider's words only: the request (and its key) is never logged.
        qCWarning(lcAssist, "assist %s: provider %s (%s): %s", qPrintable(toString(in.task)),
            qPrintable(m_provider.name), qPrintable(request.model), qPrintable(done.error().message));
        return unavailable(reasonOf(done.error()), m_provider.name);
    }
    AssistAnswer a;
    a.task = in.task;
    a.text = (in.ai.maskPii ? mask.unmask(done->text) : done->text).trimmed();
    if (a.text.isEmpty()) {
        qCWarning(lcAssist, "assist %s: provider %s answered with no text", qPrintable(toString(in.task)),
            qPrintable(m_provider.name));
        return unavailable(QStringLiteral("provider_error"), m_provider.name);
    }
    a.model = done->model.isEmpty() ? request.model : done->model;
    a.inputTokens = done->inputTokens;
    a.outputTokens = done->outputTokens;
    a.latencyMs = done->latencyMs;
    a.charge = m_provider.charge(request.model, done->inputTokens, done->outputTokens);
    return a;
}

} // namespace tierdesk
