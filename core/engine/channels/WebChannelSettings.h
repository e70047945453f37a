#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace tierdesk {

// A company's web channel: the chat widget its own pages carry (PUT /api/cs/channels/web). The
// identity secret, shared with the company's server to prove who a signed-in visitor is, is
// sealed in the store and never shown back.
struct WebChannelSettings {
    static constexpr int kMaxOrigins = 20;
    static constexpr int kMaxTitle = 60;
    static constexpr int kMaxGreeting = 500;
    static constexpr int kMaxAttachmentMB = 25;

    QStringList allowedOrigins; // "https://shop.example.com[:port]": who may frame the panel and call the API
    QString title;
    QString color = QStringLiteral("#2563eb"); // "#RRGGBB"
    QString greeting;
    QString position = QStringLiteral("right"); // "right" | "left"
    QString language = QStringLiteral("auto"); // "auto" | "en" | "de"
    QString identity = QStringLiteral("off"); // "off" | "optional" | "required"
    bool askName = false; // the pre-chat form
    bool askEmail = false;
    bool collectEmail = false; // an anonymous visitor nobody can answer now is asked for an address
    bool attachments = false;
    int maxAttachmentMB = 10;
    QString identitySecret; // empty: none made yet

    // InvalidArgument naming the field at fault ("allowedOrigins", "color", ...).
    Status check() const;
    // The row's settings (no secret), and back.
    QVariantMap toMap() const;
    static WebChannelSettings fromMap(const QVariantMap &map, const QString &identitySecret);
    // "https://shop.example.com" of "HTTPS://Shop.Example.com:443/": an origin as browsers send it,
    // or empty when `text` is none (a path, a query, credentials, another scheme).
    static QString origin(const QString &text);
};

} // namespace tierdesk
