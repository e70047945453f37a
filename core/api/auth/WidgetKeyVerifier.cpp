#include "core/api/auth/WidgetKeyVerifier.h"

namespace tierdesk {

KeyVerdict WidgetKeyVerifier::verify(const QByteArray &presentedKey, qint64 nowMs) const
{
    const QByteArray key = presentedKey.trimmed();
    if (key.isEmpty())
        return KeyVerdict::refuse(KeyRefusal::NoCredential, QStringLiteral("no widget key"));
    if (key.size() > kMaxKeyBytes)
        return KeyVerdict::refuse(KeyRefusal::Malformed, QStringLiteral("the key is too long"));
    const std::optional<ApiTokenRecord> found = m_lookup(QString::fromUtf8(key));
    if (!found || found->kind != tokenkind::Widget)
        return KeyVerdict::refuse(KeyRefusal::UnknownKey, QStringLiteral("no such widget key"));
    return checkKeyStanding(*found, nowMs);
}

} // namespace tierdesk
