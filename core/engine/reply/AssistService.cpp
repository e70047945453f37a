#include "core/engine/reply/AssistService.h"

#include "core/common/Money.h"
#include "core/common/Validation.h"
#include "core/engine/reply/Assistant.h"
#include "core/engine/reply/ReplyGuard.h"

#include <QLoggingCategory>

namespace tierdesk {
namespace {

constexpr int kKnowledgeHits = 4;
constexpr int kOrders = 5;

} // namespace

AssistService::AssistService(EngineCore &core, AiProviders &providers, QObject *parent)
    : QObject(parent), m_core(core), m_providers(providers)
{
    m_pool.setMaxThreadCount(16); // ai/maxConcurrent's default
    m_core.setHandoverListener(
        [this](const QString &companyId, const QString &sessionId) { summariseHandover(companyId, sessionId); });
}

AssistService::~AssistService()
{
    m_core.setHandoverListener({});
    m_pool.waitForDone();
}

Status AssistService::check(const AssistRequest &request, Language *target) const
{
    const bool needsText = request.task == AssistTask::Translate || request.task == AssistTask::Improve;
    if (needsText && request.text.trimmed().isEmpty())
        return invalidField(
            QStringLiteral("text"), QStringLiteral("text is required for %1").arg(toString(request.task)));
    if (const Status text = checkText(QStringLiteral("text"), request.text, m_core.limits().maxMessageChars); !text)
        return text;
    if (request.task != AssistTask::Translate)
        return Ok{};
    const std::optional<Language> language = languageFromCode(request.language);
    if (!language)
        return invalidField(QStringLiteral("language"), QStringLiteral("language must be en or de for translate"),
            {QStringLiteral("en"), QStringLiteral("de")});
    *target = *language;
    return Ok{};
}

void AssistService::assist(const QString &companyId, const QString &sessionId, const AssistRequest &request,
    const Actor &actor, QObject *context, Done done)
{
    Language target = Language::En;
    if (const Status checked = check(request, &target); !checked)
        return done(checked.error());
    const Result<Company> company = m_core.company(companyId);
    if (!company)
        return done(company.error());
    const auto assistant = assistantFor(*company);
    if (!assistant)
        return done(assistant.error());
    auto input = snapshot(*company, sessionId, request.task, request.task == AssistTask::Draft);
    if (!input)
        return done(input.error());
    (*input)->text = request.text.trimmed();
    (*input)->target = target;
    // A read-like help call: recorded with its task, never its text.
    m_core.audit(companyId, actor, QStringLiteral("session.assist"), QStringLiteral("session:") + sessionId,
        AuditOutcome::Done, {{QStringLiteral("task"), toString(request.task)}});
    startFor(context, *assistant, std::move(*input), std::move(done));
}

void AssistService::article(
    const QString &companyId, const QStringList &questions, const QStringList &replies, QObject *context, Done done)
{
    const Result<Company> company = m_core.company(companyId);
    if (!company)
        return done(company.error());
    const auto assistant = assistantFor(*company);
    if (!assistant)
        return done(assistant.error());
    auto in = std::make_shared<AssistInput>();
    in->task = AssistTask::Article;
    in->session.companyId = companyId; // of no session: the cost is the company's
    in->text = questions.join(QLatin1Char('\n'));
    in->replies = replies;
    takeCompany(*in, *company);
    in->caps.maxResponseLength = AssistInput::kArticleChars;
    startFor(context, *assistant, std::move(in), std::move(done));
}

void AssistService::takeCompany(AssistInput &in, const Company &company)
{
    in.language = company.config.language;
    in.caps = company.config.tier(Tier::HumanAgent);
    in.irate = company.config.irate;
    in.ai = company.config.ai;
    in.company = company.config.company;
}

Result<std::shared_ptr<const Assistant>> AssistService::assistantFor(const Company &company)
{
    const AiSettings &ai = company.config.ai;
    if (!ai.usesModel()) {
        if (!m_analyzer)
            m_analyzer = std::make_unique<MessageAnalyzer>();
        return std::make_shared<const Assistant>(nullptr, AiProvider{}, m_analyzer.get());
    }
    const Result<AiProvider> provider = m_providers.find(company.id, ai.provider);
    if (!provider)
        return makeError(ErrorKind::Unavailable, ErrorDetail::AiUnavailable, QStringLiteral("AI service unavailable"),
            {{QStringLiteral("reason"), QStringLiteral("no_provider")}, {QStringLiteral("provider"), ai.provider}});
    return std::make_shared<const Assistant>(m_providers.modelOf(*provider), *provider, nullptr);
}

Result<std::shared_ptr<AssistInput>> AssistService::snapshot(
    const Company &company, const QString &sessionId, AssistTask task, bool withKnowledge)
{
    const Result<Session> found
        = m_core.openSession(company.id, sessionId, true, QString(), MessageWindow{kTranscriptMessages, -1});
    if (!found)
        return found.error();
    auto in = std::make_shared<AssistInput>();
    in->task = task;
    in->session = *found;
    in->transcript = in->session.messages;
    in->session.messages.clear();
    in->session.sentimentHistory.clear();
    takeCompany(*in, company);
    in->customer = m_core.store().customers().find(company.id, in->session.customerId).value_or(Customer{});
    if (in->customer.id.isEmpty())
        in->customer.id = in->session.customerId;
    for (const Message &m : std::as_const(in->transcript))
        if (m.role == QLatin1String("customer")) {
            in->customerWords << m.content;
            in->lastCustomerMessage = m.content;
        }
    in->facts.orders = m_core.actions().recentOrders(company.id, in->session.customerId, kOrders);
    gatherDone(*in);
    if (withKnowledge && !in->lastCustomerMessage.isEmpty())
        in->knowledge = m_core.store().kb().search(company.id, in->lastCustomerMessage, kKnowledgeHits);
    return in;
}

void AssistService::gatherDone(AssistInput &in) const
{
    for (const Message &m : std::as_const(in.transcript)) {
        if (m.meta.person && m.meta.person->action) {
            const PersonAction &a = *m.meta.person->action;
            const bool credit = a.type == QLatin1String("credit");
            if (credit)
                in.facts.credited += a.amount;
            const QString amount = formatMoney(a.amount, in.company.currency, replyLocale(false));
            in.done << (credit ? QStringLiteral("credit of %1").arg(amount)
                               : QStringLiteral("refund of %1 for %2").arg(amount, a.orderId))
                    + QStringLiteral(" by ") + (a.agentName.isEmpty() ? a.agentId : a.agentName);
        }
        if (!m.meta.ai)
            continue;
        for (const QString &action : m.meta.ai->actionsTaken) {
            if (action == QLatin1String("order_lookup"))
                continue;
            // The AI tier's reply says how much; an order's refunds are in its figures already.
            const QList<double> amounts = ReplyGuard::amounts(m.content, in.language);
            if (action == QLatin1String("apply_credit") && !amounts.isEmpty())
                in.facts.credited += amounts.constFirst();
            in.done << QStringLiteral("%1 by the %2")
                           .arg(action,
                               m.role == QLatin1String("ai_manager") ? QStringLiteral("AI manager")
                                                                     : QStringLiteral("AI rep"));
        }
    }
    in.done.removeDuplicates();
}

void AssistService::startFor(
    QObject *context, std::shared_ptr<const Assistant> assistant, std::shared_ptr<const AssistInput> input, Done done)
{
    QPointer<QObject> guard(context);
    start(std::move(assistant), std::move(input),
        [guard, bound = context != nullptr, done = std::move(done)](Result<AssistAnswer> answer) {
            if (!bound || guard) // the caller may have gone meanwhile
                done(std::move(answer));
        });
}

void AssistService::start(std::shared_ptr<const Assistant> assistant, std::shared_ptr<const AssistInput> input,
    std::function<void(Result<AssistAnswer>)> then)
{
    // The worker holds the snapshot and the assistant; the answer comes back on this thread
    // (dropped if this service is gone: its destructor waits for the pool first).
    m_pool.start([this, assistant = std::move(assistant), input = std::move(input), then = std::move(then)] {
        auto answer = std::make_shared<Result<AssistAnswer>>(assistant->run(*input));
        QMetaObject::invokeMethod(
            this,
            [this, input, answer, then] {
                if (*answer)
                    recordUsage(*input, (*answer)->charge);
                then(std::move(*answer));
            },
            Qt::QueuedConnection);
    });
}

void AssistService::recordUsage(const AssistInput &input, const ModelCharge &charge)
{
    const bool article = input.task == AssistTask::Article;
    const Status stored = m_core.store().modelUsage().record({input.session.companyId, input.session.id, QString(),
        QString::fromLatin1(article ? modelpurpose::kArticle : modelpurpose::kAssist), QString(), charge,
        m_core.clock().nowMs()});
    if (!stored)
        qCWarning(lcAssist, "the cost of a %s answer was not stored: %s", qPrintable(toString(input.task)),
            qPrintable(stored.error().message));
}

void AssistService::summariseHandover(const QString &companyId, const QString &sessionId)
{
    const Result<Company> company = m_core.company(companyId);
    // With the local responder the one-line summary the turn wrote stays as it is.
    if (!company || !company->config.ai.usesModel())
        return;
    const auto assistant = assistantFor(*company);
    auto input = assistant ? snapshot(*company, sessionId, AssistTask::Summary, false)
                           : Result<std::shared_ptr<AssistInput>>(assistant.error());
    if (!input) {
        qCWarning(
            lcAssist, "no hand-over summary for %s: %s", qPrintable(sessionId), qPrintable(input.error().message));
        return;
    }
    start(*assistant, std::move(*input), [this, companyId, sessionId](Result<AssistAnswer> answer) {
        if (!answer) { // the one-line summary stays
            qCWarning(
                lcAssist, "no hand-over summary for %s: %s", qPrintable(sessionId), qPrintable(answer.error().message));
            return;
        }
        storeSummary(companyId, sessionId, answer->text);
    });
}

void AssistService::storeSummary(const QString &companyId, const QString &sessionId, const QString &summary)
{
    // A model's words reach the queue, the mails and the logs: the text rule holds for them too.
    QString text = summary.left(kMaxSummaryChars);
    if (textFault(text, TextLines::Many))
        return;
    const Result<Session> found = m_core.openSession(companyId, sessionId, false, QString());
    if (!found)
        return;
    Session s = *found;
    s.issueSummary = text;
    const bool stored = m_core.store().batch().run([&] {
        if (!m_core.store().sessions().setIssueSummary(s.id, s.issueSummary).ok())
            return false;
        if (DeskHooks *desk = m_core.desk())
            desk->summaryWritten(s); // a queue.updated event once this commits
        return true;
    });
    if (!stored) {
        m_core.forget(s.id);
        return;
    }
    m_core.remember(s);
    ++m_handoverSummaries;
}

} // namespace tierdesk
