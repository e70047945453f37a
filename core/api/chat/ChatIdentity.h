#pragma once

#include "core/api/auth/VisitorIdentity.h"
#include "core/engine/channels/WebChannelSettings.h"

#include <QJsonObject>

#include <optional>

namespace tierdesk::api {

// Who a visitor starting a chat is (POST /api/v1/chat/session's "identity", which the widget's
// Tierdesk("identify", ...) sends), as the company's web channel asks: "off" takes no identity,
// "optional" lets anonymous visitors in beside verified ones, "required" verified ones only.
class ChatIdentity {
public:
    static constexpr int kMaxEmailChars = 254;
    static constexpr int kMaxNameChars = 200;
    static constexpr int kMaxTokenChars = 4096;

    // The "identity" object of a request body; nullopt when there is none. InvalidArgument
    // naming the field for one of the wrong shape.
    static Result<std::optional<VisitorIdentityClaim>> claimOf(const QJsonObject &body);
    // The customer the company vouches for; nullopt for an anonymous visitor the channel lets in.
    // Unauthenticated, with the reason for the server's log (never for the visitor), when a claim
    // does not hold, the channel takes none, or requires one that is missing.
    static Result<std::optional<VerifiedVisitor>> decide(
        const std::optional<VisitorIdentityClaim> &claim, const WebChannelSettings &web, qint64 nowSecs);
};

} // namespace tierdesk::api
