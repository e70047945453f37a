#pragma once

#include "core/integrations/mail/GMimeLibrary.h"
#include "core/integrations/mail/InboundMail.h"

namespace tierdesk::mail {

// Whether a mail was sent by a machine (RFC 3834 and practice), from its headers, the first
// sign in this order: a delivery report (Bounce) > MailerDaemon > AutoReply > Bulk.
//   Bounce        multipart/report; report-type=delivery-status (the reader finds it)
//   MailerDaemon  an empty Return-Path: <>, From mailer-daemon@ or postmaster@
//   AutoReply     Auto-Submitted other than "no", X-Autoreply, X-Autorespond
//                 (X-Auto-Response-Suppress is a sender's request, not a sign of automatic mail)
//   Bulk          Precedence: bulk, junk or list; List-Id; List-Unsubscribe
class AutomaticMail {
public:
    struct Verdict {
        Automatic kind = Automatic::No;
        QString because; // the header that said so, as "Name: value"
    };

    static Verdict classify(GMimeObject *message, const QString &fromAddress, bool deliveryReport);
    // "multipart/report; report-type=delivery-status" (or RFC 6533's global-delivery-status).
    static bool isDeliveryReport(GMimeObject *object);
};

} // namespace tierdesk::mail
