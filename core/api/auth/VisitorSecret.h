#pragma once

#include <QByteArray>

namespace tierdesk {

// A visitor's per-session secret (chat POC API): made when a company's widget
// key starts a session, answered once to the visitor, kept only as its SHA-256
// (256 random bits: a fast hash is enough). It lets the visitor read and write
// that one session and nothing else; where the hash is kept is the family's
// business (with the session).
struct IssuedVisitorSecret {
    QByteArray secret; // "tdv_" + 43 base64url characters: answer it once
    QByteArray hashHex; // keep this
};

class VisitorSecret {
public:
    static constexpr int kMaxSecretBytes = 128;

    static IssuedVisitorSecret issue();
    static QByteArray hashOf(const QByteArray &secret);
    // Whether `presented` is the secret whose hash is `storedHashHex`; the
    // comparison takes the same time wherever the hashes differ. False for an
    // empty or over-long secret and for an empty stored hash.
    static bool matches(const QByteArray &presented, const QByteArray &storedHashHex);
};

} // namespace tierdesk
