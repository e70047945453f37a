#include "core/engine/reply/providers/ResponderDirectory.h"

#include "core/engine/reply/providers/ModelResponder.h"
#include "core/integrations/models/HttpChatModel.h"

namespace tierdesk {

bool operator==(const AiSettings &a, const AiSettings &b)
{
    return a.provider == b.provider && a.aiRepModel == b.aiRepModel && a.aiManagerModel == b.aiManagerModel
        && a.assistModel == b.assistModel && a.historyMessages == b.historyMessages && a.maskPii == b.maskPii
        && qFuzzyCompare(1 + a.temperature, 1 + b.temperature);
}

void ResponderDirectory::setAddressPolicy(const AddressPolicy &policy)
{
    m_policy = policy;
    m_entries.clear();
}

std::shared_ptr<Responder> ResponderDirectory::responderFor(const QString &companyId, const AiSettings &settings)
{
    if (!settings.usesModel())
        return nullptr;
    if (const auto it = m_entries.constFind(companyId); it != m_entries.cend() && it->settings == settings)
        return it->responder;
    std::shared_ptr<Responder> responder;
    if (const std::optional<AiProvider> provider = m_lookup(companyId, settings.provider)) {
        auto model
            = std::make_shared<HttpChatModel>(providers::Endpoint{provider->kind, provider->baseUrl, provider->apiKey},
                std::make_shared<CurlOutboundHttp>(m_policy));
        responder = std::make_shared<ModelResponder>(std::move(model), *provider, settings);
    }
    m_entries.insert(companyId, Entry{settings, responder});
    return responder;
}

} // namespace tierdesk
