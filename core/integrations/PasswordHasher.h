#pragma once

#include "core/common/PasswordRule.h"
#include "core/common/Result.h"

#include <QString>

namespace tierdesk {

// Agent passwords: libsodium's crypto_pwhash_str (Argon2id, OPSLIMIT_INTERACTIVE,
// MEMLIMIT_INTERACTIVE: 64 MiB and about 0.1 s per hash on a desktop core).
// Both calls are slow on purpose and thread-safe: run them off the engine thread.
class PasswordHasher {
public:
    static constexpr int kMinChars = PasswordRule::kMinChars;
    static constexpr int kMaxChars = PasswordRule::kMaxChars;

    // Ok when the password is acceptable, else InvalidArgument saying why (field "password").
    static Status check(const QString &password);
    // The encoded hash ("$argon2id$v=19$m=65536,t=2,p=1$..."), or an error for a
    // password check() refuses or when libsodium fails (out of memory).
    static Result<QString> hash(const QString &password);
    // Whether `password` matches `encoded`; false for a malformed hash.
    static bool verify(const QString &encoded, const QString &password);
    // A valid hash of a random password, made once: verifying against it costs
    // what a real check costs, so an unknown e-mail takes as long as a wrong password.
    static const QString &decoy();
};

} // namespace tierdesk
