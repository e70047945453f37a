#pragma once

#include <sodium.h>

namespace tierdesk {

// Whether libsodium can be used: sodium_init() once per process (it may be called again
// and from any thread; < 0 means unusable). Password hashes and the secret box share it.
inline bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace tierdesk
