#include "core/domain/AiProvider.h"

namespace tierdesk {

namespace {

struct KindName {
    ProviderKind kind;
    const char *name;
};
constexpr KindName kKinds[] = {
    {ProviderKind::OpenAi, "openai"},
    {ProviderKind::Anthropic, "anthropic"},
    {ProviderKind::Ollama, "ollama"},
};

} // namespace

QString toString(ProviderKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

std::optional<ProviderKind> parseProviderKind(const QString &name)
{
    for (const KindName &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QStringList providerKindNames()
{
    QStringList names;
    for (const KindName &k : kKinds)
        names << QLatin1String(k.name);
    return names;
}

} // namespace tierdesk
