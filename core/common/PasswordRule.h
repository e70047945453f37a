#pragma once

#include <QString>

namespace tierdesk {

// The one password rule for agents: the server checks it (PasswordHasher::check) and every
// place that asks for a password says it (the first admin's setup, Settings, --help).
struct PasswordRule {
    static constexpr int kMinChars = 8; // shorter passwords are refused
    static constexpr int kMaxChars = 256; // a bound on the work a request can ask for

    static bool accepts(const QString &password)
    {
        return password.size() >= kMinChars && password.size() <= kMaxChars;
    }
    // In English for the command line; the console words it in its language from the same numbers.
    static QString text() { return QStringLiteral("%1 to %2 characters").arg(kMinChars).arg(kMaxChars); }
};

} // namespace tierdesk
