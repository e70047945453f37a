#include "core/common/CaselessRegex.h"

namespace tierdesk {

QRegularExpression caselessRegex(const char *latin1Pattern)
{
    QRegularExpression re(QLatin1String(latin1Pattern), QRegularExpression::CaseInsensitiveOption);
    re.optimize();
    return re;
}

QRegularExpression caselessUnicodeRegex(const QString &pattern)
{
    QRegularExpression re(
        pattern, QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    return re;
}

} // namespace tierdesk
