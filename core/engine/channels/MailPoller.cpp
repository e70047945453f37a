#include "core/engine/channels/MailPoller.h"

namespace tierdesk {
namespace {

QString readError(const Error &e)
{
    return QStringLiteral("The mailbox could not be read: %1").arg(e.message);
}

} // namespace

// One mail as a worker read it: parsed, skipped (gone, or unreadable: left unseen for people),
// or the poll's end (the server failed).
struct MailPoller::Fetched {
    qint64 uid = 0;
    std::optional<MailInbox::Parsed> parsed;
    QString skipped;
    Status read = Ok{};
};

struct MailPoller::Poll {
    QString companyId;
    MailboxSettings settings;
    EmailMailboxState state; // as stored when the poll began, advanced with each mail committed and marked
    std::shared_ptr<MailReader> reader; // touched only by the task running on the pool
    // The reader's work, one task at a time in order: fetches, and \Seen marks once committed.
    QList<std::function<std::function<void()>(Poll &)>> tasks;
    bool busy = false;
    qint64 nextUid = 1; // where the next listing starts
    QList<qint64> uids; // listed, not yet fetched, ascending
    bool listing = false;
    bool listedAll = false; // a listing came back empty
    bool fetching = false;
    std::optional<Fetched> ready; // fetched (the next one), waiting for the mail being received
    bool receiving = false;
    int settling = 0; // received mails whose mark (or skip) has not come back yet
    qint64 fetched = 0;
    struct Waiter {
        QPointer<QObject> context;
        Done done;
    };
    QList<Waiter> waiters;
};

MailPoller::MailPoller(
    SessionEngine &engine, ChannelAccounts &accounts, MailInbox &inbox, MailReaderFactory readers, QObject *parent)
    : QObject(parent), m_engine(engine), m_accounts(accounts), m_inbox(inbox), m_readers(std::move(readers))
{
    m_pool.setMaxThreadCount(kMaxThreads);
    connect(&m_tick, &QTimer::timeout, this, &MailPoller::tick);
}

MailPoller::~MailPoller()
{
    stop();
}

void MailPoller::start(int tickMs)
{
    if (!m_readers)
        return;
    m_stopping = false;
    m_tick.start(tickMs);
    // The first look as soon as the event loop runs (a team's server decides who polls after this start).
    QTimer::singleShot(0, this, &MailPoller::tick);
}

void MailPoller::stop()
{
    m_tick.stop();
    m_stopping = true;
    m_pool.waitForDone();
    // The readers log out on the pool, never here.
    for (const PollPtr &poll : std::as_const(m_polls)) {
        poll->tasks.clear();
        m_pool.start([reader = std::move(poll->reader)]() mutable { reader.reset(); });
        for (const Poll::Waiter &w : std::as_const(poll->waiters)) {
            if (w.context)
                w.done(makeError(ErrorKind::Unavailable, QStringLiteral("The server is stopping")));
        }
    }
    m_polls.clear();
    m_pool.waitForDone();
}

bool MailPoller::alive(const PollPtr &poll) const
{
    return !m_stopping && m_polls.value(poll->companyId) == poll;
}

void MailPoller::tick()
{
    // Team mode: one instance polls (the one running the team's timers), as the outbox sends.
    if (m_stopping || !m_engine.runsTimers())
        return;
    const qint64 now = m_engine.clock().nowMs();
    for (const auto &[companyId, settings] : m_accounts.mailboxes()) {
        if (!settings.polls() || m_polls.contains(companyId))
            continue;
        const Result<EmailMailboxState> state = m_accounts.emailState(companyId);
        const qint64 every = qint64(qMax(settings.imap.pollSeconds, MailboxSettings::kMinPollSeconds)) * 1000;
        if (state && (state->lastPollAt == 0 || now >= state->lastPollAt + every || now < state->lastPollAt))
            begin(companyId, settings);
    }
}

void MailPoller::pollNow(const QString &companyId, QObject *context, Done done)
{
    if (const PollPtr running = m_polls.value(companyId)) {
        running->waiters.append({context, std::move(done)});
        return;
    }
    const Result<MailboxSettings> settings = m_accounts.email(companyId);
    if (!settings)
        return done(settings.error());
    if (!settings->polls())
        return done(makeError(ErrorKind::Conflict,
            QStringLiteral("The mailbox has no IMAP server to poll: mail is handed in by a mail server")));
    if (!m_readers || m_stopping)
        return done(makeError(ErrorKind::Unavailable, QStringLiteral("This server does not read mailboxes")));
    begin(companyId, *settings);
    m_polls.value(companyId)->waiters.append({context, std::move(done)});
}

void MailPoller::begin(const QString &companyId, const MailboxSettings &settings)
{
    auto poll = std::make_shared<Poll>();
    poll->companyId = companyId;
    poll->settings = settings;
    const Result<EmailMailboxState> state = m_accounts.emailState(companyId);
    poll->state = state ? *state : EmailMailboxState{};
    m_polls.insert(companyId, poll);
    enqueue(poll, [this, poll, readers = m_readers](Poll &p) -> std::function<void()> {
        Result<std::shared_ptr<MailReader>> reader = readers(p.settings);
        if (reader)
            p.reader = *reader;
        const Result<qint64> validity = reader ? p.reader->open() : Result<qint64>(reader.error());
        return [this, poll, validity] {
            if (!validity)
                return finish(poll, validity.error());
            if (*validity != poll->state.uidValidity) {
                // Another mailbox, or the server renumbered it: every mail again, each stored once.
                poll->state.uidValidity = *validity;
                poll->state.lastUid = 0;
            }
            poll->nextUid = poll->state.lastUid + 1;
            pump(poll);
        };
    });
}

void MailPoller::enqueue(const PollPtr &poll, Task task)
{
    poll->tasks.append(std::move(task));
    runNext(poll);
}

void MailPoller::runNext(const PollPtr &poll)
{
    if (poll->busy)
        return;
    if (!alive(poll)) { // ended: the reader logs out on the pool, never here
        poll->tasks.clear();
        if (poll->reader)
            m_pool.start([reader = std::move(poll->reader)]() mutable { reader.reset(); });
        return;
    }
    if (poll->tasks.isEmpty())
        return;
    poll->busy = true;
    m_pool.start([this, poll, task = poll->tasks.takeFirst()] {
        std::function<void()> back = task(*poll);
        QMetaObject::invokeMethod(
            this,
            [this, poll, back = std::move(back)] {
                poll->busy = false;
                if (alive(poll))
                    back();
                runNext(poll);
            },
            Qt::QueuedConnection);
    });
}

// The pipeline: one mail fetched ahead while one is received; marks follow commits in order.
void MailPoller::pump(const PollPtr &poll)
{
    if (!alive(poll))
        return;
    if (!poll->fetching && !poll->ready && !poll->listing) {
        if (!poll->uids.isEmpty())
            fetch(poll, poll->uids.takeFirst());
        else if (!poll->listedAll)
            list(poll);
    }
    if (!poll->receiving && poll->ready) {
        const Fetched f = std::move(*poll->ready);
        poll->ready.reset();
        receive(poll, f);
        return pump(poll); // the next fetch may start now
    }
    if (poll->listedAll && poll->uids.isEmpty() && !poll->listing && !poll->fetching && !poll->ready && !poll->receiving
        && poll->settling == 0)
        finish(poll, Ok{});
}

void MailPoller::list(const PollPtr &poll)
{
    poll->listing = true;
    const qint64 from = poll->nextUid;
    enqueue(poll, [this, poll, from](Poll &p) -> std::function<void()> {
        const Result<QList<qint64>> uids = p.reader->uidsFrom(from);
        return [this, poll, uids] {
            poll->listing = false;
            if (!uids)
                return finish(poll, uids.error());
            // A list need not be all: the next one starts past its last UID, until one is empty.
            poll->listedAll = uids->isEmpty();
            poll->uids = *uids;
            if (!uids->isEmpty())
                poll->nextUid = uids->last() + 1;
            pump(poll);
        };
    });
}

void MailPoller::fetch(const PollPtr &poll, qint64 uid)
{
    poll->fetching = true;
    const qint64 maxBytes = poll->settings.maxBytes;
    enqueue(poll, [this, poll, uid, maxBytes](Poll &p) -> std::function<void()> {
        Fetched f;
        f.uid = uid;
        Result<QByteArray> raw = p.reader->fetch(uid, maxBytes);
        Result<MailInbox::Parsed> parsed = makeError(ErrorKind::Internal, QString());
        if (!raw && raw.error().kind == ErrorKind::LimitExceeded) {
            // Over the mailbox's limit: its headers say who wrote about what, and the session says the rest.
            const Result<qint64> size = p.reader->sizeOf(uid);
            const Result<QByteArray> headers = size ? p.reader->fetchHeaders(uid) : Result<QByteArray>(size.error());
            parsed = headers ? MailInbox::parseHeaders(*headers, *size) : Result<MailInbox::Parsed>(headers.error());
        } else if (raw) {
            parsed = MailInbox::parse(*raw, maxBytes);
        } else {
            parsed = raw.error();
        }
        if (parsed)
            f.parsed = std::move(*parsed);
        else if (parsed.error().kind == ErrorKind::NotFound) // expunged since it was listed
            f.skipped = QStringLiteral("gone");
        else if (parsed.error().kind == ErrorKind::InvalidArgument) // not a mail MIME can read
            f.skipped = parsed.error().message;
        else
            f.read = parsed.error();
        return [this, poll, f = std::move(f)]() mutable {
            poll->fetching = false;
            if (!f.read)
                return finish(poll, f.read);
            poll->ready = std::move(f);
            pump(poll);
        };
    });
}

void MailPoller::receive(const PollPtr &poll, const Fetched &f)
{
    if (!f.parsed) {
        // Left unseen in the mailbox, for people to look at; the poll goes past it.
        qWarning("mail UID %lld of company %s skipped: %s", f.uid, qPrintable(poll->companyId), qPrintable(f.skipped));
        return settle(poll, f.uid, false, false);
    }
    poll->receiving = true;
    const qint64 uid = f.uid;
    m_inbox.receive(poll->companyId, *f.parsed, this, [this, poll, uid](Result<MailInbox::Receipt> receipt) {
        if (!alive(poll))
            return;
        poll->receiving = false;
        if (!receipt)
            return received(poll, uid, receipt);
        // \Seen only once the mail is on disk: a crash before leaves it to be fetched again.
        ++poll->settling;
        m_engine.afterCommit([this, poll, uid, receipt](bool committed) {
            if (!alive(poll))
                return;
            --poll->settling;
            if (!committed)
                return finish(poll, makeError(ErrorKind::Unavailable, QStringLiteral("the mail was not stored")));
            received(poll, uid, receipt);
        });
        pump(poll); // the next mail is received while this one commits
    });
}

void MailPoller::received(const PollPtr &poll, qint64 uid, const Result<MailInbox::Receipt> &receipt)
{
    if (receipt)
        return settle(poll, uid, true, !receipt->duplicate);
    if (receipt.error().kind != ErrorKind::InvalidArgument)
        return finish(poll, receipt.error()); // the store, or the mailbox removed: the next poll tries again
    // The engine refuses this mail as it is: trying again cannot help.
    qWarning("mail UID %lld of company %s not taken: %s", uid, qPrintable(poll->companyId),
        qPrintable(receipt.error().message));
    settle(poll, uid, false, false);
}

void MailPoller::settle(const PollPtr &poll, qint64 uid, bool markSeen, bool imported)
{
    // In the reader's queue, so the remembered UID only grows, in the mailbox's order.
    ++poll->settling;
    enqueue(poll, [this, poll, uid, markSeen, imported](Poll &p) -> std::function<void()> {
        const Status seen = markSeen ? p.reader->markSeen(uid) : Status(Ok{});
        return [this, poll, uid, imported, seen] {
            --poll->settling;
            // Not marked: the mail is stored; the next poll fetches it again and finds it stored.
            if (!seen && seen.error().kind != ErrorKind::Forbidden) // a read-only mailbox keeps its flags
                return finish(poll, seen);
            poll->state.lastUid = qMax(poll->state.lastUid, uid);
            if (imported) {
                ++poll->state.fetched;
                ++poll->fetched;
            }
            if (const Status kept = m_accounts.setEmailState(poll->companyId, poll->state); !kept)
                return finish(poll, kept);
            pump(poll);
        };
    });
}

void MailPoller::finish(const PollPtr &poll, const Status &status)
{
    if (!alive(poll))
        return;
    m_polls.remove(poll->companyId);
    runNext(poll); // not running a task: its reader logs out now, else once the task is back
    poll->state.lastPollAt = m_engine.clock().nowMs();
    poll->state.lastError = status ? QString() : readError(status.error()).left(500);
    // The mailbox removed meanwhile: its row is gone and nothing is written.
    if (m_accounts.emailState(poll->companyId))
        m_accounts.setEmailState(poll->companyId, poll->state);
    for (const Poll::Waiter &w : std::as_const(poll->waiters)) {
        if (!w.context)
            continue;
        if (status)
            w.done(poll->fetched);
        else // whatever failed, the client's request was right: the mailbox's server or the store was not
            w.done(makeError(ErrorKind::Unavailable, readError(status.error())));
    }
    emit polled(poll->companyId, poll->fetched, poll->state.lastError);
}

} // namespace tierdesk
