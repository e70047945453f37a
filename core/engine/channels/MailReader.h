#pragma once

#include "core/common/Result.h"
#include "core/engine/channels/MailboxSettings.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>

namespace tierdesk {

// A company's mailbox as the poller reads it (IMAP in the runtime, a fake in tests): by UID, never
// setting \Seen but through markSeen(). Blocking; one object is used by one worker thread at a
// time and never on the engine thread (its destructor may log out over the network).
// Errors as ImapMailbox's: Unavailable (unreachable, gone mid-way), Unauthenticated, NotFound
// (no such message, or UIDVALIDITY changed), LimitExceeded (fetch over maxBytes).
class MailReader {
public:
    virtual ~MailReader() = default;
    // Opens the mailbox: its UIDVALIDITY.
    virtual Result<qint64> open() = 0;
    // UIDs from firstUid on, ascending; a short list need not be all, empty means none.
    virtual Result<QList<qint64>> uidsFrom(qint64 firstUid) = 0;
    virtual Result<QByteArray> fetch(qint64 uid, qint64 maxBytes) = 0;
    virtual Result<qint64> sizeOf(qint64 uid) = 0;
    virtual Result<QByteArray> fetchHeaders(qint64 uid) = 0;
    virtual Status markSeen(qint64 uid) = 0;
};

// Makes the reader of a mailbox (called on a worker thread); InvalidArgument for settings it
// cannot read with.
using MailReaderFactory = std::function<Result<std::shared_ptr<MailReader>>(const MailboxSettings &)>;

} // namespace tierdesk
