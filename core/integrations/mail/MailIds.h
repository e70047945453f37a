#pragma once

#include "core/integrations/mail/GMimeLibrary.h"

#include <QByteArray>
#include <QList>

namespace tierdesk::mail {

// Message ids out of Message-ID, In-Reply-To and References, by GMime's reference parser: without
// <>, in order. Each id is one a reply can echo and read back the same (see mail::isMessageId):
// a malformed one as GMime reads it back ("a@b." as "a@b"), or left out when there is none.
class MailIds {
public:
    static constexpr int kMaxReferences = 100; // the first (the thread's root) and the latest 99 are kept

    static QList<QByteArray> parse(const char *headerValue);
    // The object's Message-ID (also one written without <>), or empty.
    static QByteArray messageId(GMimeObject *message);
    static QByteArray inReplyTo(GMimeObject *message);
    static QList<QByteArray> references(GMimeObject *message);
};

} // namespace tierdesk::mail
