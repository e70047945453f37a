#pragma once

#include <QString>

namespace tierdesk {

// A rating asked of a customer after their session was resolved (docs/api.md, "Satisfaction
// surveys"): by mail (five signed links), by text ("Reply 1 to 5") or on a call (a keypad digit).
struct Survey {
    QString id;
    QString companyId;
    QString sessionId;
    QString kind; // email, sms, whatsapp or voice
    QString peer; // the customer's address or number
    QByteArray secret; // what a mail's links are signed with (never shown)
    qint64 sentAt = 0;
    qint64 expiresAt = 0; // an answer after this records nothing
    qint64 answeredAt = 0; // 0: not yet
    int rating = 0;
};

} // namespace tierdesk
