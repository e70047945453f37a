#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QString>

namespace tierdesk {

// The one check for every text a customer (or a client acting for one) writes:
// messages, a session's initial message, escalation notes. Returns the text
// trimmed, or InvalidMessage when it is empty, longer than maxChars, or holds
// characters the text rule refuses (core/common/Validation.h: NUL, ESC, BEL, unpaired
// surrogates...).
Result<QString> validateCustomerText(const QString &text, int maxChars, const QString &field);

// The details of an audit entry that stands for a written text (a message, notes, a reply),
// with "pii": the kinds of personal data the text holds (nlu::PiiDetector: email, phone,
// card_number, address) when it holds any. The audit log never keeps the text itself, so
// this is what tells a review that the entry is about personal data.
QJsonObject withPiiKinds(QJsonObject details, const QString &text);

} // namespace tierdesk
