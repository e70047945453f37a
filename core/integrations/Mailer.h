#pragma once

#include "core/common/Result.h"
#include "core/integrations/MailMessage.h"

#include <QFuture>
#include <QString>

namespace tierdesk {

// Sends e-mail without blocking the caller: send() returns at once and the
// future finishes on a worker thread. Behind this interface so the engine side
// can use a fake.
class Mailer {
public:
    virtual ~Mailer() = default;
    // Ok once the server took the message; else the error, its message one sentence for
    // the log or the user (InvalidArgument: refused input; Unavailable: the server failed).
    virtual QFuture<Status> send(const MailMessage &message) = 0;
};

} // namespace tierdesk
