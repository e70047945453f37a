// `tierdesk ai provider add | list | remove | test`: a company's language-model
// providers (docs/api.md, "Language models"). The key is read from standard input.
#include "app/CliSupport.h"

#include "core/engine/admin/AiProviders.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::cli {
namespace {

QJsonObject describe(const AiProvider &p)
{
    return {{QStringLiteral("name"), p.name}, {QStringLiteral("kind"), toString(p.kind)},
        {QStringLiteral("baseUrl"), p.baseUrl.toString()}, {QStringLiteral("hasKey"), !p.apiKey.isEmpty()},
        {QStringLiteral("timeoutMs"), p.timeoutMs}, {QStringLiteral("priceInput"), p.priceInputPerMTok},
        {QStringLiteral("priceOutput"), p.priceOutputPerMTok}};
}

int add(api::Runtime &rt, const Args &args)
{
    AiProviderDraft draft;
    draft.name = args.options.value(QStringLiteral("name"));
    draft.kind = args.options.value(QStringLiteral("kind"));
    draft.baseUrl = args.options.value(QStringLiteral("base-url"));
    draft.timeoutMs = args.options.value(QStringLiteral("timeout-ms"), QStringLiteral("20000")).toInt();
    draft.priceInputPerMTok = args.options.value(QStringLiteral("price-input"), QStringLiteral("0")).toDouble();
    draft.priceOutputPerMTok = args.options.value(QStringLiteral("price-output"), QStringLiteral("0")).toDouble();
    if (args.flags.contains(QStringLiteral("api-key-stdin"))) {
        draft.apiKey = readLineFromStdin().trimmed().toUtf8();
        if (draft.apiKey.isEmpty())
            return fail(2, QStringLiteral("no key on standard input (--api-key-stdin reads one line)"));
    }
    const Result<AiProvider> added
        = rt.engine().aiProviders().add(args.options.value(QStringLiteral("company")), draft, kCliActor);
    if (!added)
        return fail(usage(added.error()) ? 2 : 1, added.error().message);
    if (!rt.engine().flush())
        return fail(1, QStringLiteral("could not store the provider"));
    out() << QJsonDocument(describe(*added)).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int list(api::Runtime &rt, const Args &args)
{
    const auto providers = rt.engine().aiProviders().list(args.options.value(QStringLiteral("company")));
    if (!providers)
        return fail(1, providers.error().message);
    if (args.flags.contains(QStringLiteral("json"))) {
        QJsonArray all;
        for (const AiProvider &p : *providers)
            all.append(describe(p));
        out() << QJsonDocument(all).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    if (providers->isEmpty())
        out() << "No providers: replies are worded by the local responder." << Qt::endl;
    for (const AiProvider &p : *providers)
        out() << p.name << '\t' << toString(p.kind) << '\t' << p.baseUrl.toString() << '\t'
              << (p.apiKey.isEmpty() ? "no key" : "key kept") << '\t' << p.timeoutMs << " ms" << Qt::endl;
    return 0;
}

int remove(api::Runtime &rt, const Args &args)
{
    const Status removed = rt.engine().aiProviders().remove(
        args.options.value(QStringLiteral("company")), args.options.value(QStringLiteral("name")), kCliActor);
    if (!removed)
        return fail(1, removed.error().message);
    if (!rt.engine().flush())
        return fail(1, QStringLiteral("could not remove the provider"));
    return 0;
}

int test(api::Runtime &rt, const Args &args)
{
    AiProviders &providers = rt.engine().aiProviders();
    const auto found
        = providers.find(args.options.value(QStringLiteral("company")), args.options.value(QStringLiteral("name")));
    if (!found)
        return fail(1, found.error().message);
    const std::shared_ptr<ChatModel> model = providers.modelOf(*found);
    const ProviderProbe probe
        = AiProviders::probe(*model, args.options.value(QStringLiteral("model")), found->timeoutMs);
    if (!probe.error.isEmpty())
        return fail(1, QStringLiteral("%1 (%2): %3").arg(found->name, found->baseUrl.toString(), probe.error));
    out() << QStringLiteral("%1 answered in %2 ms (%3 tokens in, %4 out): %5")
                 .arg(probe.model)
                 .arg(probe.latencyMs)
                 .arg(probe.inputTokens)
                 .arg(probe.outputTokens)
                 .arg(probe.answer.simplified().left(200))
          << Qt::endl;
    return 0;
}

} // namespace

int runAiProvider(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    const QString verb = args.command.section(QLatin1Char(' '), 2);
    if (verb == QLatin1String("add"))
        return add(*rt, args);
    if (verb == QLatin1String("list"))
        return list(*rt, args);
    if (verb == QLatin1String("remove"))
        return remove(*rt, args);
    return test(*rt, args);
}

} // namespace tierdesk::cli
