#include "core/integrations/imap/ImapMailbox.h"

#include "core/integrations/imap/ImapSession.h"

#include <QJsonObject>

#include <algorithm>

namespace tierdesk {

namespace {

Error notSaid(const ImapAccount &account, const QString &what)
{
    return makeError(
        ErrorKind::Unavailable, QStringLiteral("the IMAP server %1 did not say %2").arg(account.server(), what));
}

// The number a code of the reply's untagged answers carries, the last one said ("* OK [UIDNEXT 4]").
std::optional<qint64> lastCode(const ImapReply &reply, const QByteArray &code)
{
    std::optional<qint64> value;
    for (const QByteArray &line : reply.lines) {
        if (!ImapParser::isUntagged(line))
            continue;
        if (const auto args = ImapParser::responseCode(line, code))
            value = ImapParser::number(*args);
    }
    return value;
}

const QString kSeen = QStringLiteral("\\Seen");

} // namespace

ImapMailbox::ImapMailbox(ImapAccount account)
    : m_account(std::move(account)), m_valid(m_account.validate()), m_session(std::make_unique<ImapSession>(m_account))
{
}

ImapMailbox::~ImapMailbox() = default;

Status ImapMailbox::ready() const
{
    if (!m_valid)
        return m_valid;
    if (!m_open)
        return makeError(ErrorKind::Conflict, QStringLiteral("the mailbox is not open: open() comes first"));
    return Ok{};
}

Status ImapMailbox::validUid(qint64 uid) const
{
    if (uid < 1 || uid > ImapParser::kMaxUid)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("a UID is 1-%1, not %2").arg(ImapParser::kMaxUid).arg(uid),
            QJsonObject{{QStringLiteral("field"), QStringLiteral("uid")}});
    return ready();
}

Result<MailboxStatus> ImapMailbox::open()
{
    if (!m_valid)
        return m_valid.error();
    m_open = false;
    m_session->expectUidValidity(0);
    const auto reply = m_session->examine();
    if (!reply)
        return reply.error();
    MailboxStatus status;
    const auto uidValidity = lastCode(*reply, "UIDVALIDITY");
    const auto uidNext = lastCode(*reply, "UIDNEXT");
    if (!uidValidity || *uidValidity < 1 || *uidValidity > ImapParser::kMaxUid)
        return notSaid(m_account, QStringLiteral("the mailbox's UIDVALIDITY"));
    if (!uidNext || *uidNext < 1)
        return notSaid(m_account, QStringLiteral("the mailbox's UIDNEXT"));
    if (m_session->exists() < 0)
        return notSaid(m_account, QStringLiteral("how many messages the mailbox holds (EXISTS)"));
    status.uidValidity = *uidValidity;
    status.uidNext = *uidNext;
    status.exists = m_session->exists();
    m_uidNext = status.uidNext;
    m_session->expectUidValidity(status.uidValidity);
    m_open = true;
    return status;
}

Result<QList<qint64>> ImapMailbox::uidsFrom(qint64 firstUid)
{
    if (const Status s = validUid(firstUid); !s)
        return s.error();
    // One SEARCH spans kMaxUidsPerSearch UIDs (a bounded answer line); the next span starts after
    // it, or, after an empty one, at the next UID there is: UIDs need not be dense (messages deleted
    // before we looked), and walking span after span through a wide gap would never end.
    QList<qint64> uids;
    qint64 from = firstUid;
    bool searchedAll = false;
    for (int searches = 0; searches < kMaxSearchesPerCall && uids.size() < kMaxUidsPerSearch; ++searches) {
        const auto window = searchWindow(from);
        if (!window)
            return window.error();
        uids += *window;
        const qint64 past = from + kMaxUidsPerSearch; // the first UID after this span
        searchedAll = past >= m_uidNext || past > ImapParser::kMaxUid; // none beyond when opened
        if (searchedAll)
            break;
        if (!window->isEmpty()) {
            from = past;
            continue;
        }
        const auto next = firstUidAtOrAfter(past);
        if (!next)
            return next.error();
        searchedAll = !next->has_value();
        if (searchedAll)
            break;
        from = **next;
    }
    // Out of searches with nothing found (the mailbox changing under them): not "no more".
    if (uids.isEmpty() && !searchedAll)
        return notSaid(m_account, QStringLiteral("where the mailbox's UIDs go on"));
    if (uids.size() > kMaxUidsPerSearch)
        uids.resize(kMaxUidsPerSearch);
    return uids;
}

// UID SEARCH over kMaxUidsPerSearch UIDs from `from`: a bounded answer line. The range is filtered
// again, as a server answers n:* with its highest UID even when that is below n.
Result<QList<qint64>> ImapMailbox::searchWindow(qint64 from)
{
    const qint64 to = std::min(from + kMaxUidsPerSearch - 1, ImapParser::kMaxUid);
    const auto reply = m_session->command("UID SEARCH UID " + QByteArray::number(from) + ':' + QByteArray::number(to));
    if (!reply)
        return reply.error();
    QList<qint64> uids;
    for (const QByteArray &line : reply->lines) {
        const auto found = ImapParser::search(line);
        if (!found)
            continue;
        if (!*found)
            return found->error();
        for (const qint64 uid : found->value()) {
            if (uid >= from && uid <= to)
                uids.append(uid);
        }
    }
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

// The lowest UID at or after `uid`, by bisecting the message sequence numbers (UIDs rise with them).
Result<std::optional<qint64>> ImapMailbox::firstUidAtOrAfter(qint64 uid)
{
    const qint64 count = m_session->exists();
    if (count < 0)
        return notSaid(m_account, QStringLiteral("how many messages the mailbox holds (EXISTS)"));
    if (count == 0)
        return std::optional<qint64>();
    auto best = uidAt(count);
    if (!best)
        return best.error();
    if (*best < uid)
        return std::optional<qint64>();
    qint64 low = 1;
    qint64 high = count;
    for (int probes = 0; low < high; ++probes) {
        if (probes >= kMaxGapProbes)
            return notSaid(m_account, QStringLiteral("where its UIDs go on"));
        const qint64 middle = low + (high - low) / 2;
        const auto found = uidAt(middle);
        if (!found)
            return found.error();
        if (*found >= uid) {
            high = middle;
            best = *found;
        } else {
            low = middle + 1;
        }
    }
    return std::optional<qint64>(*best);
}

Result<qint64> ImapMailbox::uidAt(qint64 sequence)
{
    const auto reply = m_session->command("FETCH " + QByteArray::number(sequence) + " (UID)");
    if (!reply)
        return reply.error();
    for (const QByteArray &line : reply->lines) {
        const auto items = ImapParser::fetch(line);
        if (items && !*items)
            return items->error();
        if (items && (*items)->sequence == sequence && (*items)->uid > 0)
            return (*items)->uid;
    }
    return notSaid(m_account, QStringLiteral("the UID of message %1").arg(sequence));
}

Result<ImapParser::FetchItems> ImapMailbox::fetchItems(qint64 uid, const QByteArray &items)
{
    const auto reply = m_session->command("UID FETCH " + QByteArray::number(uid) + " (" + items + ')');
    if (!reply)
        return reply.error();
    // A server may answer in several FETCH lines, and add others' flags changes (without our UID).
    std::optional<ImapParser::FetchItems> merged;
    for (const QByteArray &line : reply->lines) {
        const auto parsed = ImapParser::fetch(line);
        if (!parsed || (*parsed && (*parsed)->uid != uid))
            continue;
        if (!*parsed)
            return parsed->error();
        if (!merged)
            merged = parsed->value();
        if ((*parsed)->size >= 0)
            merged->size = (*parsed)->size;
        if ((*parsed)->hasFlags) {
            merged->hasFlags = true;
            merged->flags = (*parsed)->flags;
        }
    }
    if (!merged)
        return makeError(ErrorKind::NotFound,
            QStringLiteral("the mailbox %1 has no message with UID %2").arg(m_account.mailbox()).arg(uid));
    return *merged;
}

Result<qint64> ImapMailbox::sizeOf(qint64 uid)
{
    if (const Status s = validUid(uid); !s)
        return s.error();
    const auto items = fetchItems(uid, "RFC822.SIZE");
    if (!items)
        return items.error();
    if (items->size < 0)
        return notSaid(m_account, QStringLiteral("the size of message %1").arg(uid));
    return items->size;
}

Result<QByteArray> ImapMailbox::fetch(qint64 uid, qint64 maxBytes)
{
    if (maxBytes < 1 || maxBytes > kMaxFetchBytes)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("a message's size limit is 1-%1 bytes, not %2").arg(kMaxFetchBytes).arg(maxBytes));
    const auto size = sizeOf(uid);
    if (!size)
        return size.error();
    if (*size > maxBytes)
        return makeError(ErrorKind::LimitExceeded,
            QStringLiteral("message %1 is %2 bytes, over the limit of %3").arg(uid).arg(*size).arg(maxBytes));
    auto reply = m_session->download(uid, {}, maxBytes);
    if (!reply)
        return reply.error();
    return std::move(reply->body);
}

Result<QByteArray> ImapMailbox::fetchHeaders(qint64 uid)
{
    if (const Status s = validUid(uid); !s)
        return s.error();
    auto reply = m_session->download(uid, "HEADER", kMaxHeaderBytes);
    if (!reply && reply.error().kind == ErrorKind::LimitExceeded)
        return makeError(ErrorKind::LimitExceeded,
            QStringLiteral("message %1's header section is over %2 bytes").arg(uid).arg(kMaxHeaderBytes));
    if (!reply)
        return reply.error();
    return std::move(reply->body);
}

Result<QStringList> ImapMailbox::flags(qint64 uid)
{
    if (const Status s = validUid(uid); !s)
        return s.error();
    const auto items = fetchItems(uid, "FLAGS");
    if (!items)
        return items.error();
    if (!items->hasFlags)
        return notSaid(m_account, QStringLiteral("the flags of message %1").arg(uid));
    return items->flags;
}

Status ImapMailbox::markSeen(qint64 uid)
{
    if (const Status s = validUid(uid); !s)
        return s;
    const auto reply = m_session->command(
        "UID STORE " + QByteArray::number(uid) + " +FLAGS (\\Seen)", ImapSession::Access::ReadWrite);
    if (!reply)
        return reply.error();
    for (const QByteArray &line : reply->lines) {
        const auto items = ImapParser::fetch(line);
        if (items && *items && (*items)->uid == uid && (*items)->flags.contains(kSeen, Qt::CaseInsensitive))
            return Ok{};
    }
    // No FETCH answer for it: a server may stay silent when the flag was set already, and says
    // nothing of a UID it does not have either. Ask.
    const auto now = flags(uid);
    if (!now)
        return now.error();
    if (!now->contains(kSeen, Qt::CaseInsensitive))
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("the IMAP server %1 did not set \\Seen on message %2").arg(m_account.server()).arg(uid));
    return Ok{};
}

Status ImapMailbox::append(const QByteArray &rfc822)
{
    if (!m_valid)
        return m_valid;
    if (rfc822.isEmpty() || rfc822.size() > kMaxAppendBytes)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("a message to append is 1-%1 bytes, not %2").arg(kMaxAppendBytes).arg(rfc822.size()));
    const auto reply = m_session->upload(rfc822);
    if (!reply)
        return reply.error();
    std::optional<qint64> uid;
    for (const QByteArray &line : reply->lines) {
        const auto tagged = ImapParser::tagged(line);
        const auto code = tagged ? ImapParser::responseCode(line, "APPENDUID") : std::nullopt;
        const QList<QByteArray> args = code ? code->split(' ') : QList<QByteArray>();
        if (args.size() == 2)
            uid = ImapParser::number(args.at(1));
    }
    if (!uid)
        return Ok{}; // no UIDPLUS: the message stays \Seen
    const auto unseen = m_session->command(
        "UID STORE " + QByteArray::number(*uid) + " -FLAGS.SILENT (\\Seen)", ImapSession::Access::ReadWrite);
    if (!unseen)
        return unseen.error();
    return Ok{};
}

} // namespace tierdesk
