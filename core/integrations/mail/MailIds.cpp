#include "core/integrations/mail/MailIds.h"

#include "core/integrations/MailMessage.h"

namespace tierdesk::mail {

namespace {

constexpr int kStableRounds = 2; // "a@b." reads back as "a@b", which reads back as itself

QList<QByteArray> referencesIn(const char *headerValue)
{
    QList<QByteArray> ids;
    // Some mailers separate ids with commas; GMime's parser stops at the first.
    const QByteArray value = QByteArray(headerValue).replace(',', ' ');
    GMimeReferences *parsed = g_mime_references_parse(GMimeLibrary::parserOptions(), value.constData());
    if (!parsed)
        return ids;
    const int count = g_mime_references_length(parsed);
    for (int i = 0; i < count; ++i)
        ids.append(QByteArray(g_mime_references_get_message_id(parsed, i)));
    g_mime_references_free(parsed);
    return ids;
}

// The id as a reply will carry it: one that GMime reads back from "<id>" as itself, so the
// customer's mail, our reply and the next answer name the same thread. Empty when there is none.
QByteArray stableId(QByteArray id)
{
    for (int round = 0; round < kStableRounds; ++round) {
        if (!isMessageId(id))
            return {};
        const QList<QByteArray> again = referencesIn(QByteArray('<' + id + '>').constData());
        if (again.size() != 1)
            return {};
        if (again.first() == id)
            return id;
        id = again.first();
    }
    return {};
}

} // namespace

QList<QByteArray> MailIds::parse(const char *headerValue)
{
    QList<QByteArray> ids;
    if (!headerValue)
        return ids;
    for (const QByteArray &id : referencesIn(headerValue)) {
        if (const QByteArray stable = stableId(id); !stable.isEmpty())
            ids.append(stable);
    }
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
    return stableId(QByteArray(decoded.get()));
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
