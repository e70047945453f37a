#pragma once

#include "core/api/auth/KeyVerdict.h"

#include <functional>

namespace tierdesk {

// Checks a company's public chat widget key (chat POC API): it names the
// company and lets an anonymous visitor start a session, nothing more. The
// key is public (it sits in web pages), so it is looked up as it is; revoked
// and expired keys are refused. The visitor then proves itself with the
// session's own secret, which the chat family issues and checks.
class WidgetKeyVerifier {
public:
    // The widget key that is this key, revoked and expired ones included.
    using Lookup = std::function<std::optional<ApiTokenRecord>(const QString &key)>;

    static constexpr int kMaxKeyBytes = 128;

    explicit WidgetKeyVerifier(Lookup lookup) : m_lookup(std::move(lookup)) { }

    KeyVerdict verify(const QByteArray &presentedKey, qint64 nowMs) const;

private:
    Lookup m_lookup;
};

} // namespace tierdesk
