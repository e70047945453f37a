#pragma once

#include "core/engine/channels/MailReader.h"
#include "core/integrations/imap/ImapMailbox.h"

namespace tierdesk {

// The poller's reader of a company's mailbox: ImapMailbox (libcurl) with the mailbox's IMAP
// settings (imap://: STARTTLS required unless the mailbox says startTls false). Blocking, one
// worker thread at a time.
class ImapMailReader final : public MailReader {
public:
    static constexpr int kTimeoutMs = 30000; // per command or message (a stopping server waits at most this)

    explicit ImapMailReader(ImapAccount account) : m_mailbox(std::move(account)) { }

    // The factory the runtime gives the channels: the company's IMAP server reached as its other
    // systems are (under `policy`, the connectors').
    static MailReaderFactory factory(const AddressPolicy &policy);
    static Result<std::shared_ptr<MailReader>> make(const MailboxSettings &settings, const AddressPolicy &policy);

    Result<qint64> open() override;
    Result<QList<qint64>> uidsFrom(qint64 firstUid) override { return m_mailbox.uidsFrom(firstUid); }
    Result<QByteArray> fetch(qint64 uid, qint64 maxBytes) override { return m_mailbox.fetch(uid, maxBytes); }
    Result<qint64> sizeOf(qint64 uid) override { return m_mailbox.sizeOf(uid); }
    Result<QByteArray> fetchHeaders(qint64 uid) override { return m_mailbox.fetchHeaders(uid); }
    Status markSeen(qint64 uid) override { return m_mailbox.markSeen(uid); }

private:
    ImapMailbox m_mailbox;
};

} // namespace tierdesk
