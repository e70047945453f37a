#pragma once

#include <QByteArray>
#include <QString>

namespace tierdesk::mail {

// A text part's bytes to Unicode, as mail readers do it in practice.
class MailCharset {
public:
    // Declared charsets through iconv (windows-1252, ISO-8859-x, ISO-2022-JP, Shift_JIS, KOI8-R...;
    // ISO-8859-1 read as its superset windows-1252, as senders mislabel it). Nothing declared, or
    // us-ascii/unknown declared: UTF-8 when the bytes are valid UTF-8, else windows-1252. Bytes
    // the charset cannot read become U+FFFD; conversion never fails.
    static QString decode(const QByteArray &bytes, const QByteArray &declaredCharset);

    static bool isUtf8(const QByteArray &bytes);
    // Through iconv from `charset`; false when iconv does not know it.
    static bool convert(const QByteArray &bytes, const QByteArray &charset, QString *out);
};

} // namespace tierdesk::mail
