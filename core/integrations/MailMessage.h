#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
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
    // The form parse() reads back: `"Name" <local@domain>` (quotes and backslashes escaped, line
    // breaks and angle brackets dropped from the name), or the address alone.
    QString toString() const;
};

// One e-mail, plain text or HTML, or both. render() produces the RFC 5322 bytes libcurl uploads:
// From, To, Cc, Subject (RFC 2047 encoded when not plain ASCII), Date, Message-ID, In-Reply-To,
// References, the extra headers, MIME-Version, Content-Type text/plain (text/html when `html`);
// charset=utf-8 and a quoted-printable body with CRLF line ends and no line over 76 characters.
// With htmlBody the message is multipart/alternative: `body` as text/plain, then htmlBody as
// text/html, both so encoded. Fields left empty render nothing.
struct MailMessage {
    QString from; // one address, see MailAddress::parse
    QStringList to; // one or more addresses
    QString subject; // one line: CR, LF and other control characters are refused
    QString body; // UTF-8 text; \n or \r\n line ends
    bool html = false; // the body is an HTML document (the caller escapes what it puts in)
    QString htmlBody; // the HTML alternative to a plain `body` (then `html` stays false)
    QStringList cc; // more addresses, shown to all
    QByteArray inReplyTo; // the id of the mail answered, without <> (see mail::isMessageId)
    QList<QByteArray> references; // the thread's ids, oldest first, without <>
    // More header fields, e.g. {"Auto-Submitted", "auto-replied"}: RFC 5322 field names (printable
    // ASCII, no colon), printable ASCII values without CR or LF; never a field render() writes
    // itself (From, To, Cc, Bcc, Subject, Date, Message-ID, In-Reply-To, References, MIME-Version,
    // Content-*).
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    static constexpr int kMaxSubjectChars = 500;
    static constexpr int kMaxBodyBytes = 1024 * 1024;
    static constexpr int kMaxRecipients = 50; // To and Cc together
    static constexpr int kMaxReferences = 100;
    static constexpr int kMaxExtraHeaders = 20;
    static constexpr int kMaxHeaderNameChars = 76;
    static constexpr int kMaxHeaderValueChars = 900; // a line stays under RFC 5322's 998

    // Checks every field (header injection included) without rendering.
    Status validate() const;
    // messageId without angle brackets, e.g. "1a2b@example.com".
    Result<QByteArray> render(const QDateTime &date, const QByteArray &messageId) const;

private:
    QByteArray renderHeaders(const QDateTime &date, const QByteArray &messageId) const;
};

namespace mail {

// RFC 2047 "B" encoded words (UTF-8), folded so no line exceeds 76 characters.
QByteArray encodeHeaderValue(const QString &value);
// RFC 2045 quoted-printable with CRLF hard line breaks; a line starting with
// "." or "From " has that character encoded so no relay alters it.
QByteArray quotedPrintable(const QString &text);
// RFC 5322 date, always in English: "Fri, 19 Dec 2025 12:15:00 +0000".
QByteArray rfc5322Date(const QDateTime &date);
// Text as one header line: control characters (C0, DEL, C1, line and paragraph separators)
// become spaces, white space is simplified.
QString oneLine(const QString &text);
// A message id (without <>) a header can carry: 1 to 500 printable ASCII characters, no spaces,
// no angle brackets.
bool isMessageId(const QByteArray &id);

} // namespace mail

} // namespace tierdesk
