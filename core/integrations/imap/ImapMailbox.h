#pragma once

#include "core/integrations/imap/ImapAccount.h"
#include "core/integrations/imap/ImapParser.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace tierdesk {

class ImapSession;

// What EXAMINE says of a mailbox. A UID names the same message for as long as uidValidity stays.
struct MailboxStatus {
    qint64 uidValidity = 0;
    qint64 uidNext = 0; // the UID the next message will have (at least)
    qint64 exists = 0; // messages in the mailbox
};

// A company's mailbox over IMAP (libcurl), read by UID: the engine polls it from a worker thread,
// fetches each new message and marks it \Seen only once it is stored. Every call blocks (at most
// the account's timeout per transfer) and all calls share one connection, opened on the first and
// kept between them; the object is used by one thread at a time. Reading never sets \Seen.
//
// Errors: an invalid account is InvalidArgument (before any connection); the server refusing the
// credentials is Unauthenticated; the server unreachable, silent or gone mid-way, or an answer that
// cannot be read, is Unavailable (the message says which); a missing mailbox or message, or a
// UIDVALIDITY that changed since open() (until open() again), is NotFound; a message over the
// caller's limit is LimitExceeded; a call before open() is Conflict; a mailbox the server opens only
// read-only refuses markSeen() as Forbidden. No message holds the password or the token.
class ImapMailbox {
public:
    static constexpr int kMaxUidsPerSearch = 5000; // UIDs one uidsFrom() returns, and one SEARCH spans
    static constexpr int kMaxSearchesPerCall = 16; // SEARCHes one uidsFrom() sends
    static constexpr int kMaxGapProbes = 64; // FETCHes that find the next UID past a gap in the UIDs
    static constexpr qint64 kMaxHeaderBytes = 1024 * 1024; // fetchHeaders()
    static constexpr qint64 kMaxFetchBytes = 512 * 1024 * 1024; // the largest maxBytes fetch() takes
    static constexpr qint64 kMaxAppendBytes = 64 * 1024 * 1024;

    explicit ImapMailbox(ImapAccount account);
    ~ImapMailbox(); // logs out
    ImapMailbox(const ImapMailbox &) = delete;
    ImapMailbox &operator=(const ImapMailbox &) = delete;

    // EXAMINEs the mailbox. Every call below but append() needs it first; another open() reads the
    // status afresh (and accepts a new UIDVALIDITY: the caller compares it with the one it keeps).
    Result<MailboxStatus> open();
    // The mailbox's UIDs from firstUid on, ascending, at most kMaxUidsPerSearch, as far as open()
    // saw the mailbox. Empty means there is none; a short list need not be all (a mailbox whose
    // UIDs have many wide gaps): ask again from the last one + 1 until the answer is empty.
    Result<QList<qint64>> uidsFrom(qint64 firstUid);
    Result<qint64> sizeOf(qint64 uid); // RFC822.SIZE
    // The whole message, byte for byte. LimitExceeded when it is over maxBytes (1..kMaxFetchBytes),
    // known from its size before it is fetched.
    Result<QByteArray> fetch(qint64 uid, qint64 maxBytes);
    Result<QByteArray> fetchHeaders(qint64 uid); // the header section, its blank line included
    Status markSeen(qint64 uid);
    Result<QStringList> flags(qint64 uid);
    // Puts a message (CRLF line ends) in the mailbox, unseen, as if delivered (tests, benchmarks).
    // libcurl appends with \Seen; it is taken off again through the UID the server reports (UIDPLUS);
    // a server without UIDPLUS keeps the message \Seen.
    Status append(const QByteArray &rfc822);

    const ImapAccount &account() const { return m_account; }

private:
    Status ready() const;
    Status validUid(qint64 uid) const;
    Result<QList<qint64>> searchWindow(qint64 from);
    Result<std::optional<qint64>> firstUidAtOrAfter(qint64 uid);
    Result<qint64> uidAt(qint64 sequence);
    // One message's answer to UID FETCH uid (items); NotFound when there is no such message.
    Result<ImapParser::FetchItems> fetchItems(qint64 uid, const QByteArray &items);

    ImapAccount m_account;
    Status m_valid;
    std::unique_ptr<ImapSession> m_session;
    bool m_open = false;
    qint64 m_uidNext = 0; // as open() found it
};

} // namespace tierdesk
