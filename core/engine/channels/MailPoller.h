#pragma once

#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/MailInbox.h"
#include "core/engine/channels/MailReader.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace tierdesk {

// Mail fetched from the companies' mailboxes (DESIGN.md, "Channels"): every imap.pollSeconds a
// mailbox is opened on a worker thread, the mails past the last UID imported (all of them again
// when UIDVALIDITY changed: MailInbox stores a Message-ID once) are fetched one by one in UID
// order, read off the engine thread, received here, and only once committed marked \Seen and
// remembered as imported. A mail over maxBytes is imported by its headers. One poll per company at
// a time; a poll reads the mailbox's settings as they are when it starts. In a team only the
// instance running the timers polls. Engine thread (the reader's calls run on its pool).
class MailPoller : public QObject {
    Q_OBJECT

public:
    static constexpr int kTickMs = 1000; // how often due mailboxes are looked for
    static constexpr int kMaxThreads = 4; // polls of different companies at once

    MailPoller(SessionEngine &engine, ChannelAccounts &accounts, MailInbox &inbox, MailReaderFactory readers,
        QObject *parent = nullptr);
    ~MailPoller() override;

    bool canRead() const { return bool(m_readers); }
    // Polls due mailboxes once the event loop runs, then every tickMs.
    void start(int tickMs = kTickMs);
    // No further step of any poll starts; waits for the reader calls in flight. Mail received but
    // not yet marked \Seen is fetched again by the next poll (and found stored).
    void stop();

    // done(mails imported) when the company's poll ends: this one, or the one already running.
    // NotFound without a mailbox, Conflict for one not read over IMAP, Unavailable when the server
    // could not be read.
    using Done = std::function<void(Result<qint64>)>;
    void pollNow(const QString &companyId, QObject *context, Done done);
    bool polling(const QString &companyId) const { return m_polls.contains(companyId); }

signals:
    // A poll ended (error empty when it worked).
    void polled(const QString &companyId, qint64 fetched, const QString &error);

private:
    struct Poll;
    using PollPtr = std::shared_ptr<Poll>;
    struct Fetched;

    void tick();
    void begin(const QString &companyId, const MailboxSettings &settings);
    // The poll's reader work runs on the pool one task at a time, each handing back the
    // continuation it returns to run here.
    using Task = std::function<std::function<void()>(Poll &)>;
    void enqueue(const PollPtr &poll, Task task);
    void runNext(const PollPtr &poll);
    void pump(const PollPtr &poll);
    void list(const PollPtr &poll);
    void fetch(const PollPtr &poll, qint64 uid);
    void receive(const PollPtr &poll, const Fetched &f);
    void received(const PollPtr &poll, qint64 uid, const Result<MailInbox::Receipt> &receipt);
    void settle(const PollPtr &poll, qint64 uid, bool markSeen, bool imported);
    void finish(const PollPtr &poll, const Status &status);
    bool alive(const PollPtr &poll) const; // not stopped, and still the company's poll

    SessionEngine &m_engine;
    ChannelAccounts &m_accounts;
    MailInbox &m_inbox;
    MailReaderFactory m_readers;
    QThreadPool m_pool;
    QTimer m_tick;
    QHash<QString, PollPtr> m_polls; // in flight, by company
    bool m_stopping = false;
};

} // namespace tierdesk
