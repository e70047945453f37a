#pragma once

#include "core/integrations/MailMessage.h"

#include <QFuture>
#include <QString>

namespace tierdesk {

struct MailResult {
    bool ok = false;
    QString error; // empty when ok; one sentence for the log or the user otherwise
};

// Sends e-mail without blocking the caller: send() returns at once and the
// future finishes on a worker thread. Behind this interface so the engine side
// can use a fake.
class Mailer {
public:
    virtual ~Mailer() = default;
    virtual QFuture<MailResult> send(const MailMessage &message) = 0;
};

} // namespace tierdesk
