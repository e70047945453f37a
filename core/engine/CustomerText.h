#pragma once

#include "core/common/Result.h"

#include <QString>

namespace tierdesk {

// The one check for every text a customer (or a client acting for one) writes:
// messages, a session's initial message, escalation notes. Returns the text
// trimmed, or InvalidMessage when it is empty, longer than maxChars, or holds
// characters the text rule refuses (core/common/Validation.h: NUL, ESC, BEL, unpaired
// surrogates...).
Result<QString> validateCustomerText(const QString &text, int maxChars, const QString &field);

} // namespace tierdesk
