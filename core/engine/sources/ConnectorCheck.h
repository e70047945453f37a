#pragma once

#include "core/common/Result.h"
#include "core/domain/ConnectorSettings.h"
#include "core/engine/sources/ConnectorDraft.h"
#include "core/integrations/AddressPolicy.h"

namespace tierdesk {

// Checks a draft into a connector: every refusal is InvalidArgument naming the field
// (name, kind, purposes, url, auth, timeoutMs, requests, fields, webhookSecret) with what
// is wrong in its message. Explicit limits for everything.
class ConnectorCheck {
public:
    static constexpr int kMaxNameChars = 40;
    static constexpr int kMaxUrlChars = 2048;
    static constexpr int kMaxSecretBytes = 4096;
    static constexpr int kMaxWebhookSecretBytes = 256; // Stripe's endpoint secret (whsec_...)
    static constexpr int kMinTimeoutMs = 100;
    static constexpr int kMaxTimeoutMs = 30000;
    static constexpr int kMaxQueryItems = 20;
    static constexpr int kMaxFieldsPerPurpose = 40;
    static constexpr auto kBuiltin = "builtin"; // Tierdesk's own store, never a connector's name

    explicit ConnectorCheck(const AddressPolicy &policy) : m_policy(policy) { }
    Result<Connector> check(const QString &companyId, const ConnectorDraft &draft) const;

private:
    Status checkUrl(ConnectorKind kind, const QUrl &url, bool hasSecret) const;

    AddressPolicy m_policy;
};

class Store;

// The refusal of a configuration whose "connectors" names a connector the company does not
// have, or one that does not serve that purpose: InvalidArgument, field connectors.<purpose>.
Status checkConnectorSettings(Store &store, const QString &companyId, const ConnectorSettings &settings);

} // namespace tierdesk
