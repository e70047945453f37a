#pragma once

#include <QDBusConnection>

namespace tierdesk {

enum class SecretServiceState {
    NotRunning, // no Secret Service on the bus (QtKeychain may still find another backend)
    NoDefaultCollection, // running, but a write through QtKeychain would make it ask for a new keyring
    HasDefaultCollection, // a default collection ("login" on GNOME) exists
};

// Asks the Secret Service (org.freedesktop.secrets) for its "default" alias, the
// collection libsecret (and so QtKeychain) writes to. "/" means there is none:
// gnome-keyring then prompts the user to create one at every write. This call
// itself never prompts, and gives up after timeoutMs.
SecretServiceState probeSecretService(const QDBusConnection &bus, int timeoutMs = 3000);
SecretServiceState probeSecretService(int timeoutMs = 3000); // on the session bus

} // namespace tierdesk
