#pragma once

#include "core/api/auth/KeyVerdict.h"
#include "core/api/http/HttpTypes.h"
#include "core/integrations/SigV4Canonical.h"

#include <functional>

namespace tierdesk {

// A request as it came over the wire, for SigV4 verification.
struct SignedRequest {
    QByteArray method; // "GET"
    QByteArray rawPath; // as sent, still percent-encoded ("/knowledge/a%20b"), without the query
    QByteArray rawQuery; // as sent, without the '?'
    sigv4::HeaderList headers; // every header as received (names in any case; repeats kept)
    QByteArray body;
};

// Verifies AWS Signature Version 4 (Authorization header form, HMAC-SHA256) on
// requests signed with keys Tierdesk issued (ApiTokens, kind sigv4): the family's
// service ("execute-api" for the platform services, "lex" for the Lex runtime), the
// key's one region, the payload hashed (a body that changed after signing, or an
// x-amz-content-sha256 that does not match it, is refused; so is UNSIGNED-PAYLOAD,
// unless the verifier is made for a route whose clients send it: Lex's
// RecognizeUtterance streams its audio unsigned), X-Amz-Date (or, without it, Date)
// signed and at most kMaxSkewSecs off, host signed. Presigned URLs (query auth) and
// session tokens are not supported. Stateless and cheap: one key look-up and
// six HMACs; safe to use from any thread if the look-up is.
class SigV4Verifier {
public:
    // The sigv4 key with this access key id, revoked and expired ones included,
    // its secret opened (ApiTokenRecord::secret); nullopt when there is none.
    using Lookup = std::function<std::optional<ApiTokenRecord>(const QString &accessKeyId)>;

    static constexpr qint64 kMaxSkewSecs = 300;
    static constexpr int kMaxAuthorizationBytes = 4096;
    static constexpr int kMaxSignedHeaders = 64;
    static inline const QByteArray kService = QByteArrayLiteral("execute-api");
    static inline const QByteArray kUnsignedPayload = QByteArrayLiteral("UNSIGNED-PAYLOAD");

    enum class Payload { Signed, MayBeUnsigned };

    explicit SigV4Verifier(Lookup lookup, QByteArray service = kService, Payload payload = Payload::Signed)
        : m_lookup(std::move(lookup)), m_service(std::move(service)), m_payload(payload)
    {
    }

    KeyVerdict verify(const SignedRequest &request, qint64 nowMs) const;
    const QByteArray &service() const { return m_service; }

    // A request as it came over the wire, to verify.
    static SignedRequest requestOf(const http::HttpRequest &req);
    // The company a refused request's audit entry goes to: the one of the access key its
    // Authorization header names, when that key exists (a wrong signature by a real key).
    QString refusedKeyCompany(const QByteArray &authorization, KeyRefusal refusal) const;

private:
    Lookup m_lookup;
    QByteArray m_service;
    Payload m_payload;
};

} // namespace tierdesk
