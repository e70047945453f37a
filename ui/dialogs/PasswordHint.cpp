#include "ui/dialogs/PasswordHint.h"

#include "core/common/PasswordRule.h"

namespace tierdesk::ui {

QString PasswordHint::rule()
{
    return tr("%1 to %2 characters").arg(PasswordRule::kMinChars).arg(PasswordRule::kMaxChars);
}

QString PasswordHint::sentence()
{
    return tr("A password has %1 to %2 characters.").arg(PasswordRule::kMinChars).arg(PasswordRule::kMaxChars);
}

QString PasswordHint::problem(const QString &password)
{
    if (PasswordRule::accepts(password))
        return {};
    return tr("Choose a password of %1 to %2 characters.").arg(PasswordRule::kMinChars).arg(PasswordRule::kMaxChars);
}

} // namespace tierdesk::ui
