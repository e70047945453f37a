#pragma once

#include "core/domain/AiProvider.h"
#include "core/domain/AiSettings.h"
#include "core/engine/reply/Responder.h"
#include "core/integrations/AddressPolicy.h"

#include <QHash>

#include <functional>
#include <memory>

namespace tierdesk {

// The model responder of each company whose "ai" configuration names a provider,
// made once and kept until the provider or the configuration changes. Engine thread.
class ResponderDirectory {
public:
    using Lookup = std::function<std::optional<AiProvider>(const QString &companyId, const QString &name)>;

    explicit ResponderDirectory(Lookup lookup) : m_lookup(std::move(lookup)) { }
    void setAddressPolicy(const AddressPolicy &policy);

    // Null when the company words replies locally, or names a provider that is not registered.
    std::shared_ptr<Responder> responderFor(const QString &companyId, const AiSettings &settings);
    // A provider of the company was added or removed: its responder is made again when next asked for.
    void forget(const QString &companyId) { m_entries.remove(companyId); }

private:
    struct Entry {
        AiSettings settings;
        std::shared_ptr<Responder> responder; // null: the provider named is not registered
    };

    Lookup m_lookup;
    AddressPolicy m_policy = AddressPolicy::forModelProviders(false);
    QHash<QString, Entry> m_entries;
};

bool operator==(const AiSettings &a, const AiSettings &b);
inline bool operator!=(const AiSettings &a, const AiSettings &b)
{
    return !(a == b);
}

} // namespace tierdesk
