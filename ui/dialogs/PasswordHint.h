#pragma once

#include <QCoreApplication>
#include <QString>

namespace tierdesk::ui {

// The server's password rule (core's PasswordRule) in the console's words: the first admin's
// setup, a new company's admin and Settings › Agents say the same thing the server checks.
class PasswordHint {
    Q_DECLARE_TR_FUNCTIONS(tierdesk::ui::PasswordHint)

public:
    // "8 to 256 characters" (a placeholder's words)
    static QString rule();
    // "A password has 8 to 256 characters." (a hint's words)
    static QString sentence();
    // Why the server would refuse `password` ("" when it would take it).
    static QString problem(const QString &password);
};

} // namespace tierdesk::ui
