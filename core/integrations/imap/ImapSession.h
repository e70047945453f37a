#pragma once

#include "core/integrations/CurlConnectGuard.h"
#include "core/integrations/CurlHandles.h"
#include "core/integrations/imap/ImapAccount.h"

#include <QByteArray>
#include <QList>

namespace tierdesk {

struct ImapTransfer;

// What one transfer heard: every line the server sent in it (its greeting and sign-in on a new
// connection, libcurl's own SELECT, the command's answers), without CRLF, and a download's bytes.
struct ImapReply {
    QList<QByteArray> lines;
    QByteArray body;
};

// One connection to the account's mailbox through one libcurl easy handle, kept between calls, and
// what that connection has selected. Blocking; one thread at a time.
//
// libcurl 7.88 selects the URL's mailbox itself (SELECT, read-write) on a connection that has not,
// and fetches a ;UID= URL with BODY[], which sets \Seen on a read-write mailbox. So downloads run
// on the mailbox EXAMINEd (read-only: the server sets no flag), and a download that finds libcurl
// selecting again (a new connection: its SELECT's UIDVALIDITY answer arrives first) is stopped
// before libcurl sends its FETCH, and tried once more after an EXAMINE.
//
// Commands go through CURLOPT_CUSTOMREQUEST: libcurl hands every answer line to the header
// callback (lib/pingpong.c), untagged ones also to the write callback, which is ignored here. A
// line longer than half of libcurl's buffer would be cut short by libcurl, so the buffer is
// kCurlBufferBytes and callers keep their answers' lines below kMaxLineBytes (a bounded SEARCH).
//
// A kept connection the server has closed looks alive to libcurl while the server's "* BYE" waits
// unread: a command that fails on it is sent once more on a new connection (commands here may be
// sent twice); an upload, which may not, is preceded by a NOOP instead.
class ImapSession {
public:
    static constexpr qsizetype kMaxLineBytes = 256 * 1024; // one answer line
    static constexpr qsizetype kMaxReplyBytes = 16 * 1024 * 1024; // all answer lines of one transfer
    static constexpr long kCurlBufferBytes = 1024 * 1024; // libcurl keeps lines up to half of it whole

    enum class Access { Any, ReadOnly, ReadWrite };

    explicit ImapSession(ImapAccount account);
    ~ImapSession(); // logs out
    ImapSession(const ImapSession &) = delete;
    ImapSession &operator=(const ImapSession &) = delete;

    // EXAMINE the mailbox now (its answers carry EXISTS, UIDVALIDITY and UIDNEXT).
    Result<ImapReply> examine();
    // `command` (no tag, no CRLF) once the mailbox is selected with `access`.
    Result<ImapReply> command(const QByteArray &command, Access access = Access::Any);
    // UID FETCH uid BODY[section] (section empty: the whole message) on the EXAMINEd mailbox: the
    // literal's bytes exactly, LimitExceeded as soon as it is known to exceed maxBytes.
    Result<ImapReply> download(qint64 uid, const QByteArray &section, qint64 maxBytes);
    // APPEND to the mailbox (libcurl's upload; it sets \Seen on the new message).
    Result<ImapReply> upload(const QByteArray &message);

    // Every SELECT or EXAMINE from now on must report this UIDVALIDITY (0: any). One that does not
    // is NotFound, and so is every call after it until this is called again.
    void expectUidValidity(qint64 uidValidity);
    // Messages in the mailbox as the server last said (EXISTS, EXPUNGE); -1 when it has not.
    qint64 exists() const { return m_exists; }
    // Closes the connection; the next call opens another.
    void disconnect();

private:
    enum class Mode { None, ReadOnly, ReadWrite };

    Result<ImapReply> perform(ImapTransfer &transfer);
    Result<ImapReply> performOnce(ImapTransfer &transfer, int *curlCode, bool *newConnection);
    Status select(Access access);
    void configure();
    void observe(const ImapTransfer &transfer, bool newConnection);
    Error failure(int curlCode, const ImapTransfer &transfer) const;
    Error uidValidityChanged() const;

    ImapAccount m_account;
    CurlConnectGuard m_guard; // the account's policy, on every connection the handle opens
    CurlEasy m_curl;
    char m_errbuf[CURL_ERROR_SIZE] = {};
    bool m_connected = false; // the handle keeps a connection from an earlier call
    Mode m_mode = Mode::None; // what the server has selected on this connection
    bool m_curlSelected = false; // libcurl knows the mailbox is selected (it will not SELECT again)
    qint64 m_exists = -1;
    qint64 m_expectedUidValidity = 0;
    qint64 m_changedUidValidity = 0; // the UIDVALIDITY a SELECT reported against the expectation
};

} // namespace tierdesk
