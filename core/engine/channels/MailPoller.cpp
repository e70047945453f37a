#include "core/engine/channels/MailPoller.h"

namespace tierdesk {
namespace {

QString readError(const Error &e)
{
    return QStringLiteral("The mailbox could not be read: %1").arg(e.message);
}

} // namespace

struct MailPoller::Poll {
    QString companyId;
    MailboxSettings settings;
    EmailMailboxState state; // as stored when the poll began, advanced with each mail committed
    std::shared_ptr<MailReader> reader; // touched only by the step on the pool
    QList<qint64> uids; // listed and still to import, ascending
    qint64 fetched = 0;
    struct Waiter {
        QPointer<QObject> context;
        Done done;
    };
    QList<Waiter> waiters;
};

// One mail as a worker read it: parsed, skipped (gone, or unreadable: left unseen for people),
// or the poll's end (the server failed).
struct MailPoller::Fetched {
    qint64 uid = 0;
    std::optional<MailInbox::Parsed> parsed;
    QString skipped;
    Status read = Ok{};
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
    tick();
}

void MailPoller::stop()
{
    m_tick.stop();
    m_stopping = true;
    m_pool.waitForDone();
    // The readers log out on the pool, never here.
    for (const PollPtr &poll : std::as_const(m_polls)) {
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
    onWorker(poll, [this, poll, readers = m_readers](Poll &p) -> std::function<void()> {
        Result<std::shared_ptr<MailReader>> reader = readers(p.settings);
        if (!reader)
            return [this, poll, e = reader.error()] {
                if (alive(poll))
                    finish(poll, e);
            };
        p.reader = *reader;
        const Result<qint64> validity = p.reader->open();
        return [this, poll, validity] {
            if (!alive(poll))
                return;
            if (!validity)
                return finish(poll, validity.error());
            if (*validity != poll->state.uidValidity) {
                // Another mailbox, or the server renumbered it: every mail again, each stored once.
                poll->state.uidValidity = *validity;
                poll->state.lastUid = 0;
            }
            list(poll);
        };
    });
}

void MailPoller::onWorker(const PollPtr &poll, std::function<std::function<void()>(Poll &)> work)
{
    m_pool.start([this, poll, work = std::move(work)] {
        std::function<void()> back = work(*poll);
        QMetaObject::invokeMethod(this, std::move(back), Qt::QueuedConnection);
    });
}

void MailPoller::list(const PollPtr &poll)
{
    const qint64 from = poll->state.lastUid + 1;
    onWorker(poll, [this, poll, from](Poll &p) -> std::function<void()> {
        const Result<QList<qint64>> uids = p.reader->uidsFrom(from);
        return [this, poll, uids] {
            if (!alive(poll))
                return;
            if (!uids)
                return finish(poll, uids.error());
            if (uids->isEmpty())
                return finish(poll, Ok{});
            poll->uids = *uids;
            next(poll);
        };
    });
}

void MailPoller::next(const PollPtr &poll)
{
    if (poll->uids.isEmpty()) // a list need not be all: ask past its last UID
        return list(poll);
    const qint64 uid = poll->uids.takeFirst();
    const qint64 maxBytes = poll->settings.maxBytes;
    onWorker(poll, [this, poll, uid, maxBytes](Poll &p) -> std::function<void()> {
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
        return [this, poll, f = std::move(f)] {
            if (alive(poll))
                fetched(poll, f);
        };
    });
}

void MailPoller::fetched(const PollPtr &poll, const Fetched &f)
{
    if (!f.read)
        return finish(poll, f.read);
    if (!f.parsed) {
        // Left unseen in the mailbox, for people to look at; the poll goes past it.
        qWarning("mail UID %lld of company %s skipped: %s", f.uid, qPrintable(poll->companyId), qPrintable(f.skipped));
        return advance(poll, f.uid, false);
    }
    const qint64 uid = f.uid;
    m_inbox.receive(poll->companyId, *f.parsed, this, [this, poll, uid](Result<MailInbox::Receipt> receipt) {
        if (!alive(poll))
            return;
        if (!receipt)
            return received(poll, uid, receipt);
        // \Seen only once the mail is on disk: a crash before leaves it to be fetched again.
        m_engine.afterCommit([this, poll, uid, receipt](bool committed) {
            if (!alive(poll))
                return;
            if (!committed)
                return finish(poll, makeError(ErrorKind::Unavailable, QStringLiteral("the mail was not stored")));
            received(poll, uid, receipt);
        });
    });
}

void MailPoller::received(const PollPtr &poll, qint64 uid, const Result<MailInbox::Receipt> &receipt)
{
    if (receipt)
        return markSeen(poll, uid, !receipt->duplicate);
    if (receipt.error().kind != ErrorKind::InvalidArgument)
        return finish(poll, receipt.error()); // the store, or the mailbox removed: the next poll tries again
    // The engine refuses this mail as it is: trying again cannot help.
    qWarning("mail UID %lld of company %s not taken: %s", uid, qPrintable(poll->companyId),
        qPrintable(receipt.error().message));
    advance(poll, uid, false);
}

void MailPoller::markSeen(const PollPtr &poll, qint64 uid, bool imported)
{
    onWorker(poll, [this, poll, uid, imported](Poll &p) -> std::function<void()> {
        const Status seen = p.reader->markSeen(uid);
        return [this, poll, uid, imported, seen] {
            if (!alive(poll))
                return;
            // Not marked: the mail is stored; the next poll fetches it again and finds it stored.
            if (!seen && seen.error().kind != ErrorKind::Forbidden) // a read-only mailbox keeps its flags
                return finish(poll, seen);
            advance(poll, uid, imported);
        };
    });
}

void MailPoller::advance(const PollPtr &poll, qint64 uid, bool imported)
{
    poll->state.lastUid = qMax(poll->state.lastUid, uid);
    if (imported) {
        ++poll->state.fetched;
        ++poll->fetched;
    }
    if (const Status kept = m_accounts.setEmailState(poll->companyId, poll->state); !kept)
        return finish(poll, kept);
    next(poll);
}

void MailPoller::finish(const PollPtr &poll, const Status &status)
{
    m_polls.remove(poll->companyId);
    m_pool.start([reader = std::move(poll->reader)]() mutable { reader.reset(); });
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
