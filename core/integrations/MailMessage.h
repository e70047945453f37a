#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tierdesk {

// An e-mail address with an optional display name, as in `Tierdesk <desk@example.com>`.
struct MailAddress {
    QString name; // may be empty or non-ASCII (sent RFC 2047 encoded)
    QString address; // local@domain, ASCII only

    // Accepts `local@domain`, `<local@domain>` and `Name <local@domain>`; refuses
    // control characters (CR/LF would inject headers or SMTP commands), spaces,
    // commas and angle brackets inside the address, non-ASCII addresses, and
    // anything longer than 254 characters.
    static Result<MailAddress> parse(const QString &text);
};

// One e-mail, plain text or HTML. render() produces the RFC 5322 bytes libcurl uploads:
// From, To, Subject (RFC 2047 encoded when not plain ASCII), Date, Message-ID,
// MIME-Version, Content-Type text/plain (text/html when `html`); charset=utf-8 and a quoted-printable
// body with CRLF line ends and no line over 76 characters.
struct MailMessage {
    QString from; // one address, see MailAddress::parse
    QStringList to; // one or more addresses
    QString subject; // one line: CR, LF and other control characters are refused
    QString body; // UTF-8 text; \n or \r\n line ends
    bool html = false; // the body is an HTML document (the caller escapes what it puts in)

    static constexpr int kMaxSubjectChars = 500;
    static constexpr int kMaxBodyBytes = 1024 * 1024;
    static constexpr int kMaxRecipients = 50;

    // Checks every field (header injection included) without rendering.
    Status validate() const;
    // messageId without angle brackets, e.g. "1a2b@example.com".
    Result<QByteArray> render(const QDateTime &date, const QByteArray &messageId) const;
};

namespace mail {

// RFC 2047 "B" encoded words (UTF-8), folded so no line exceeds 76 characters.
QByteArray encodeHeaderValue(const QString &value);
// RFC 2045 quoted-printable with CRLF hard line breaks; a line starting with
// "." or "From " has that character encoded so no relay alters it.
QByteArray quotedPrintable(const QString &text);
// RFC 5322 date, always in English: "Fri, 19 Dec 2025 12:15:00 +0000".
QByteArray rfc5322Date(const QDateTime &date);

} // namespace mail

} // namespace tierdesk
