#pragma once

#include "core/common/Result.h"
#include "core/integrations/mail/InboundMail.h"
#include "core/integrations/mail/MimeLimits.h"

#include <QByteArray>
#include <QString>

namespace tierdesk::mail {

// Reads a customer's raw RFC 5322 mail (as IMAP or `mail deliver` hands it over) into what the
// engine needs, with GMime. Liberal, as real mail is messy: RFC 2047 words (also badly split
// ones), RFC 2231 file names, declared charsets converted to UTF-8 and undeclared 8-bit text read
// as UTF-8 when valid, else windows-1252; quoted-printable and base64. Refuses (InvalidArgument)
// only what is no mail at all: no header block first, or neither From nor Message-ID. Every call
// parses on its own: safe on any thread.
class MimeReader {
public:
    using Limits = MimeLimits;

    // A whole mail; larger than limits.maxMailBytes is LimitExceeded (read its headers alone then).
    static Result<InboundMail> read(const QByteArray &raw, const Limits &limits = {});
    // The header block alone (a body after it is ignored), for a mail too big to fetch whole:
    // headersOnly is set and the text, HTML and attachments are empty.
    static Result<InboundMail> readHeaders(const QByteArray &headerBytes);

    // The subject without its leading reply and forward prefixes (Re:, RE:, Fwd:, FW:, AW:, WG:,
    // SV:, VS:, also "Re[2]:", repeated), trimmed: a thread's subject.
    static QString baseSubject(const QString &subject);

    static constexpr qint64 kMaxHeaderBytes = 1024 * 1024; // readHeaders: a header block beyond is refused
};

} // namespace tierdesk::mail
