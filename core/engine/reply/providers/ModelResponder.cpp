#include "core/engine/reply/providers/ModelResponder.h"

#include "core/engine/reply/providers/PiiMask.h"
#include "core/engine/reply/providers/PromptBuilder.h"

#include <QLoggingCategory>

namespace tierdesk {

namespace {

Q_LOGGING_CATEGORY(lcModels, "tierdesk.models")

QString failureOf(const Error &e)
{
    return e.detail == ErrorDetail::AiTimedOut ? QStringLiteral("timeout") : QStringLiteral("provider_error");
}

} // namespace

ModelResponder::ModelResponder(std::shared_ptr<ChatModel> model, AiProvider provider, AiSettings settings)
    : m_model(std::move(model)), m_provider(std::move(provider)), m_settings(std::move(settings))
{
}

Reply ModelResponder::compose(const ReplyContext &ctx)
{
    return ask(ctx, {});
}

std::optional<Reply> ModelResponder::repair(const ReplyContext &ctx, const Reply &broken, const QStringList &rules)
{
    const QList<ChatMessage> extra{{ChatMessage::Role::Assistant, broken.content},
        {ChatMessage::Role::User, PromptBuilder::repairRequest(rules, ctx.language)}};
    Reply again = ask(ctx, extra);
    // Both calls are paid for and took time: the figures are the turn's, not the last call's.
    again.inputTokens += broken.inputTokens;
    again.outputTokens += broken.outputTokens;
    again.latencyMs += broken.latencyMs;
    again.charge.add(broken.charge);
    return again;
}

Reply ModelResponder::ask(const ReplyContext &ctx, const QList<ChatMessage> &extra) const
{
    const QString modelName = m_settings.modelFor(ctx.tier);
    ChatRequest request = PromptBuilder(ctx, m_settings).request(modelName, ctx.history);
    request.messages += extra;
    PiiMask mask;
    if (m_settings.maskPii)
        mask.maskRequest(request);
    Reply reply;
    reply.model = modelName;
    const Result<ChatCompletion> done = m_model->complete(request, QDeadlineTimer(m_provider.timeoutMs));
    if (!done) {
        // The provider's words only: the request (and its key) is never logged.
        qCWarning(lcModels, "provider %s (%s): %s", qPrintable(m_provider.name), qPrintable(modelName),
            qPrintable(done.error().message));
        reply.failure = failureOf(done.error());
        return reply;
    }
    reply.content = m_settings.maskPii ? mask.unmask(done->text).trimmed() : done->text.trimmed();
    reply.model = done->model;
    reply.inputTokens = done->inputTokens;
    reply.outputTokens = done->outputTokens;
    reply.latencyMs = done->latencyMs;
    // Priced by the name the company chose (its prices name it), not the provider's dated variant.
    reply.charge = m_provider.charge(modelName, done->inputTokens, done->outputTokens);
    return reply;
}

} // namespace tierdesk
