#pragma once

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <deque>

namespace tierdesk::voice::sip {

// Digest authentication of INVITEs (RFC 3261 §22, RFC 8760's SHA-256 beside MD5): the challenge a
// door sends and the check of an answer. A nonce is good once, and for kNonceLifetimeMs; after that
// it is stale. One thread uses it (the door's).
class SipDigest {
public:
    static constexpr qint64 kNonceLifetimeMs = 30000;
    static constexpr int kMaxNonces = 10000; // outstanding challenges; past it the oldest are forgotten
    static constexpr int kMaxAuthorizationChars = 2048;
    static constexpr int kMaxAuthorizations = 2;

    enum class Outcome {
        Valid,
        Missing, // no credentials for this realm, or a nonce we did not give or that was used: challenge
        Stale, // our nonce, too old: challenge again with stale=true
        Wrong, // our nonce, a wrong user name or response: refuse
    };
    struct Credentials {
        QString username;
        QString password;
        QStringList algorithms; // SHA-256, MD5: those a caller may answer with, in the order offered
    };

    // The WWW-Authenticate header lines ("WWW-Authenticate: ...\r\n", one per algorithm) of a new challenge.
    QByteArray challenge(const QString &realm, const QStringList &algorithms, bool stale, qint64 nowMs);
    // `authorizations`: the INVITE's Authorization header values; `method`: INVITE. A nonce an answer
    // names is used up by it, right or wrong.
    Outcome check(const QStringList &authorizations, const Credentials &expected, const QString &realm,
        const QString &method, qint64 nowMs);
    int outstanding() const { return static_cast<int>(m_nonces.size()); }

    // The response a client computes (RFC 2617 §3.2.2 with RFC 8760's hash): for tests and callers.
    static QByteArray response(const QString &algorithm, const QHash<QString, QString> &params, const QString &password,
        const QString &method);
    // "Digest a=b, c="d"": the parameters, names lower-cased; empty when it is not a Digest header.
    static QHash<QString, QString> parse(const QString &header);

private:
    void forgetOld(qint64 nowMs);

    QHash<QByteArray, qint64> m_nonces; // given and not used yet: when
    std::deque<QByteArray> m_order; // the nonces in the order given (some may be used already)
};

} // namespace tierdesk::voice::sip
