#include "core/integrations/mail/MailIds.h"

#include "core/integrations/MailMessage.h"

namespace tierdesk::mail {

QList<QByteArray> MailIds::parse(const char *headerValue)
{
    QList<QByteArray> ids;
    if (!headerValue)
        return ids;
    GMimeReferences *parsed = g_mime_references_parse(GMimeLibrary::parserOptions(), headerValue);
    if (!parsed)
        return ids;
    const int count = g_mime_references_length(parsed);
    for (int i = 0; i < count; ++i) {
        const QByteArray id(g_mime_references_get_message_id(parsed, i));
        if (isMessageId(id))
            ids.append(id);
    }
    g_mime_references_free(parsed);
    return ids;
}

QByteArray MailIds::messageId(GMimeObject *message)
{
    const char *value = g_mime_object_get_header(message, "Message-ID");
    if (!value)
        return {};
    const QList<QByteArray> ids = parse(value);
    if (!ids.isEmpty())
        return ids.first();
    // Without angle brackets, as some mailers write it: GMime's decoder takes the addr-spec.
    const GCharPtr decoded(g_mime_utils_decode_message_id(value));
    const QByteArray id(decoded.get());
    return isMessageId(id) ? id : QByteArray();
}

QByteArray MailIds::inReplyTo(GMimeObject *message)
{
    const QList<QByteArray> ids = parse(g_mime_object_get_header(message, "In-Reply-To"));
    return ids.isEmpty() ? QByteArray() : ids.first();
}

QList<QByteArray> MailIds::references(GMimeObject *message)
{
    QList<QByteArray> ids = parse(g_mime_object_get_header(message, "References"));
    if (ids.size() > kMaxReferences)
        ids = QList<QByteArray>{ids.first()} + ids.mid(ids.size() - (kMaxReferences - 1));
    return ids;
}

} // namespace tierdesk::mail
