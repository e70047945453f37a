#include "core/common/Money.h"

namespace tierdesk {

QString formatUsd(double amount)
{
    return QStringLiteral("$") + QString::number(amount, 'f', 2);
}

} // namespace tierdesk
