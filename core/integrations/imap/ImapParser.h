#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace tierdesk {

// Reads the lines of an IMAP server's answers (RFC 3501), one line at a time, without its CRLF. Only
// what ImapMailbox asks for is read; anything else is left alone. Every function takes any bytes: what
// it cannot read is nullopt or an error, never a crash.
class ImapParser {
public:
    static constexpr qint64 kMaxUid = 4294967295; // UIDs and UIDVALIDITY are 32-bit unsigned (nz-number)
    static constexpr int kMaxNumberDigits = 18; // sizes and counts: below 2^63
    static constexpr int kMaxServerTextChars = 200; // a server's text quoted in an error message

    // "A004 NO [NONEXISTENT] Mailbox doesn't exist": the answer to one of our commands.
    struct Tagged {
        QByteArray tag;
        QByteArray status; // OK, NO or BAD (upper case)
        QByteArray text; // the rest, with its [code] if any
    };

    // What one untagged FETCH answer says of one message.
    struct FetchItems {
        qint64 sequence = 0;
        qint64 uid = 0; // 0: not in the answer
        qint64 size = -1; // RFC822.SIZE; -1: not in the answer
        bool hasFlags = false;
        QStringList flags; // as the server spells them (\Seen, $Label...)
    };

    static bool isUntagged(const QByteArray &line); // "* ..."
    static std::optional<Tagged> tagged(const QByteArray &line);
    // The arguments of response code `name` of a status answer, tagged or not:
    // "* OK [UIDVALIDITY 3] UIDs valid" gives "3" for UIDVALIDITY; "A1 OK [READ-ONLY] done" gives "".
    static std::optional<QByteArray> responseCode(const QByteArray &line, const QByteArray &name);
    // "* 3 EXISTS" gives 3 for EXISTS.
    static std::optional<qint64> untaggedCount(const QByteArray &line, const QByteArray &keyword);
    // "* SEARCH 1 2 3": nullopt when the line is not a SEARCH answer, an error when it is one that
    // cannot be read.
    static std::optional<Result<QList<qint64>>> search(const QByteArray &line);
    // "* 12 FETCH (UID 7 RFC822.SIZE 1234 FLAGS (\Seen))": nullopt when the line is not a FETCH answer.
    static std::optional<Result<FetchItems>> fetch(const QByteArray &line);
    // The n of a line that ends in a literal's announcement {n}.
    static std::optional<qint64> literalSize(const QByteArray &line);
    // A decimal number of at most kMaxNumberDigits digits, nothing else.
    static std::optional<qint64> number(const QByteArray &text);
    // A server's text as it may appear in an error message: printable, at most kMaxServerTextChars.
    static QString quote(const QByteArray &text);
};

} // namespace tierdesk
