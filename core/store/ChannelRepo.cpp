#include "core/store/ChannelRepo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {
namespace {

const QString kAccountColumns = QStringLiteral("company_id, kind, settings, secret, state, created_at, updated_at");
const QString kThreadColumns
    = QStringLiteral("session_id, company_id, kind, peer, peer_name, own, subject, short_id, created_at, active_at");
const QString kMessageColumns
    = QStringLiteral("id, company_id, session_id, message_id, part, direction, kind, external_id, peer, status,"
                     " detail, attempts, next_attempt_at, created_at, updated_at");

// A record's map as the column's JSON text (automaticRepliesTo reads `"automatic":true` in it), and back.
QString jsonText(const QVariantMap &m)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(m)).toJson(QJsonDocument::Compact));
}

QVariantMap jsonMap(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object().toVariantMap();
}

ChannelAccountRow readAccount(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), jsonMap(q.value(2)), q.value(3).toString(),
        jsonMap(q.value(4)), q.value(5).toLongLong(), q.value(6).toLongLong()};
}

ChannelThread readThread(const QSqlQuery &q, int at = 0)
{
    return {q.value(at).toString(), q.value(at + 1).toString(), q.value(at + 2).toString(), q.value(at + 3).toString(),
        q.value(at + 4).toString(), q.value(at + 5).toString(), q.value(at + 6).toString(), q.value(at + 7).toString(),
        q.value(at + 8).toLongLong(), q.value(at + 9).toLongLong()};
}

ChannelMessageRow readMessage(const QSqlQuery &q)
{
    ChannelMessageRow r;
    r.id = q.value(0).toString();
    r.companyId = q.value(1).toString();
    r.sessionId = q.value(2).toString();
    r.messageId = q.value(3).toString();
    r.part = q.value(4).toInt();
    r.direction = q.value(5).toString();
    r.kind = q.value(6).toString();
    r.externalId = q.value(7).toString();
    r.peer = q.value(8).toString();
    r.status = q.value(9).toString();
    r.detail = jsonMap(q.value(10));
    r.attempts = q.value(11).toInt();
    r.nextAttemptAt = q.value(12).toLongLong();
    r.createdAt = q.value(13).toLongLong();
    r.updatedAt = q.value(14).toLongLong();
    return r;
}

// The columns, each after `prefix`.
QString prefixed(QString columns, const QString &prefix)
{
    return prefix + columns.replace(QStringLiteral(", "), QStringLiteral(", ") + prefix);
}

} // namespace

Status ChannelRepo::putAccount(const ChannelAccountRow &a)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO channel_accounts(%1) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                                 " ON CONFLICT (company_id, kind) DO UPDATE SET"
                                                 " settings = excluded.settings, secret = excluded.secret,"
                                                 " state = excluded.state, updated_at = excluded.updated_at")
                                      .arg(kAccountColumns));
    return m_db.status(m_db.exec(
        q, {a.companyId, a.kind, jsonText(a.settings), a.sealedSecret, jsonText(a.state), a.createdAt, a.updatedAt}));
}

std::optional<ChannelAccountRow> ChannelRepo::account(const QString &companyId, const QString &kind)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM channel_accounts WHERE company_id = ? AND kind = ?").arg(kAccountColumns));
    if (!m_db.exec(q, {companyId, kind}) || !q.next())
        return std::nullopt;
    ChannelAccountRow row = readAccount(q);
    q.finish();
    return row;
}

QList<ChannelAccountRow> ChannelRepo::accounts(const QString &kind)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM channel_accounts WHERE kind = ? ORDER BY company_id LIMIT ?")
                             .arg(kAccountColumns));
    QList<ChannelAccountRow> out;
    if (!m_db.exec(q, {kind, kMaxRows}))
        return out;
    while (q.next())
        out << readAccount(q);
    q.finish();
    return out;
}

Result<bool> ChannelRepo::removeAccount(const QString &companyId, const QString &kind)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM channel_accounts WHERE company_id = ? AND kind = ?"));
    if (!m_db.exec(q, {companyId, kind}))
        return m_db.status(false).error();
    return q.numRowsAffected() > 0;
}

Status ChannelRepo::setAccountState(const QString &companyId, const QString &kind, const QVariantMap &state, qint64 now)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE channel_accounts SET state = ?, updated_at = ? WHERE company_id = ? AND kind = ?"));
    return m_db.status(m_db.exec(q, {jsonText(state), now, companyId, kind}));
}

Status ChannelRepo::putThread(const ChannelThread &t)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO channel_threads(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kThreadColumns));
    return m_db.status(m_db.exec(q,
        {t.sessionId, t.companyId, t.kind, t.peer, t.peerName, t.own, t.subject, t.shortId, t.createdAt, t.activeAt}));
}

QList<ChannelThread> ChannelRepo::readThreads(QSqlQuery &q)
{
    QList<ChannelThread> out;
    while (q.next())
        out << readThread(q);
    q.finish();
    return out;
}

std::optional<ChannelThread> ChannelRepo::thread(const QString &sessionId)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM channel_threads WHERE session_id = ?").arg(kThreadColumns));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    const QList<ChannelThread> found = readThreads(q);
    return found.isEmpty() ? std::nullopt : std::optional<ChannelThread>(found.first());
}

std::optional<ChannelThread> ChannelRepo::threadByShortId(const QString &companyId, const QString &shortId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM channel_threads WHERE company_id = ? AND short_id = ?").arg(kThreadColumns));
    if (!m_db.exec(q, {companyId, shortId}))
        return std::nullopt;
    const QList<ChannelThread> found = readThreads(q);
    return found.isEmpty() ? std::nullopt : std::optional<ChannelThread>(found.first());
}

std::optional<ChannelThread> ChannelRepo::openThread(const QString &companyId, const QString &kind, const QString &peer)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM channel_threads t JOIN sessions s ON s.id = t.session_id"
                       " WHERE t.company_id = ? AND t.kind = ? AND t.peer = ? AND s.status <> 'RESOLVED'"
                       " ORDER BY t.active_at DESC LIMIT 1")
            .arg(prefixed(kThreadColumns, QStringLiteral("t."))));
    if (!m_db.exec(q, {companyId, kind, peer}))
        return std::nullopt;
    const QList<ChannelThread> found = readThreads(q);
    return found.isEmpty() ? std::nullopt : std::optional<ChannelThread>(found.first());
}

Status ChannelRepo::touchThread(const QString &sessionId, qint64 at)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE channel_threads SET active_at = ? WHERE session_id = ?"));
    return m_db.status(m_db.exec(q, {at, sessionId}));
}

Result<bool> ChannelRepo::insertMessage(const ChannelMessageRow &r)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO channel_messages(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT DO NOTHING")
            .arg(kMessageColumns));
    if (!m_db.exec(q,
            {r.id, r.companyId, r.sessionId, r.messageId, r.part, r.direction, r.kind, r.externalId, r.peer, r.status,
                jsonText(r.detail), r.attempts, r.nextAttemptAt, r.createdAt, r.updatedAt}))
        return m_db.status(false).error();
    return q.numRowsAffected() > 0;
}

QList<ChannelMessageRow> ChannelRepo::readMessages(QSqlQuery &q)
{
    QList<ChannelMessageRow> out;
    while (q.next())
        out << readMessage(q);
    q.finish();
    return out;
}

std::optional<ChannelMessageRow> ChannelRepo::message(const QString &id)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM channel_messages WHERE id = ?").arg(kMessageColumns));
    if (!m_db.exec(q, {id}))
        return std::nullopt;
    const QList<ChannelMessageRow> found = readMessages(q);
    return found.isEmpty() ? std::nullopt : std::optional<ChannelMessageRow>(found.first());
}

std::optional<ChannelMessageRow> ChannelRepo::messageByExternalId(const QString &companyId, const QString &externalId)
{
    if (externalId.isEmpty())
        return std::nullopt;
    // (external_id <> '' lets the partial index channel_messages_by_external answer, not a scan of
    // the company's every mail and text.)
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM channel_messages WHERE company_id = ? AND external_id = ? AND external_id <> ''")
            .arg(kMessageColumns));
    if (!m_db.exec(q, {companyId, externalId}))
        return std::nullopt;
    const QList<ChannelMessageRow> found = readMessages(q);
    return found.isEmpty() ? std::nullopt : std::optional<ChannelMessageRow>(found.first());
}

std::optional<QString> ChannelRepo::sessionOfExternalIds(const QString &companyId, const QStringList &externalIds)
{
    // Newest reference first (References lists the oldest first): one statement per id keeps the
    // statements prepared once; a thread's references are few (ReplyMail keeps at most 20).
    for (auto it = externalIds.crbegin(); it != externalIds.crend(); ++it) {
        if (const auto row = messageByExternalId(companyId, *it))
            return row->sessionId;
    }
    return std::nullopt;
}

Status ChannelRepo::updateMessage(const ChannelMessageRow &r)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE channel_messages SET session_id = ?, message_id = ?, external_id = ?, status = ?,"
                       " detail = ?, attempts = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?"));
    return m_db.status(m_db.exec(q,
        {r.sessionId, r.messageId, r.externalId, r.status, jsonText(r.detail), r.attempts, r.nextAttemptAt, r.updatedAt,
            r.id}));
}

QList<ChannelMessageRow> ChannelRepo::messagesOfSession(const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM channel_messages WHERE session_id = ? ORDER BY created_at, part LIMIT ?")
            .arg(kMessageColumns));
    if (!m_db.exec(q, {sessionId, kMaxRows}))
        return {};
    return readMessages(q);
}

QList<ChannelMessageRow> ChannelRepo::dueOutbound(qint64 now, int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM channel_messages WHERE status = 'pending' AND next_attempt_at <= ?"
                       " ORDER BY next_attempt_at, created_at LIMIT ?")
            .arg(kMessageColumns));
    if (!m_db.exec(q, {now, qBound(1, limit, kMaxRows)}))
        return {};
    return readMessages(q);
}

QStringList ChannelRepo::unpostedInbound(const QStringList &kinds, int limit)
{
    Q_ASSERT(!kinds.isEmpty() && kinds.size() <= 3);
    // One prepared statement for any number of kinds up to three: the last is repeated.
    const auto kind = [&kinds](int i) { return kinds.value(i, kinds.last()); };
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT id FROM channel_messages WHERE status = 'received'"
                                        " AND direction = 'in' AND kind IN (?, ?, ?) ORDER BY created_at LIMIT ?"));
    if (!m_db.exec(q, {kind(0), kind(1), kind(2), qBound(1, limit, kMaxRows)}))
        return {};
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    return ids;
}

int ChannelRepo::count(const QString &sql, std::initializer_list<QVariant> binds)
{
    QSqlQuery &q = m_db.statement(sql);
    if (!m_db.exec(q, binds) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

int ChannelRepo::automaticRepliesTo(const QString &companyId, const QString &peer, qint64 sinceMs)
{
    return count(
        // A long text's parts are one reply.
        QStringLiteral("SELECT COUNT(DISTINCT COALESCE(NULLIF(message_id, ''), id)) FROM channel_messages"
                       " WHERE company_id = ? AND peer = ? AND created_at >= ? AND direction = 'out'"
                       " AND detail LIKE '%\"automatic\":true%'"),
        {companyId, peer, sinceMs});
}

int ChannelRepo::aiRepliesTo(const QString &companyId, const QString &peer, qint64 sinceMs)
{
    return count(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN channel_threads t ON t.session_id = m.session_id"
                                " WHERE t.company_id = ? AND t.peer = ? AND t.kind IN ('email', 'sms', 'whatsapp')"
                                " AND m.role IN ('ai_rep', 'ai_manager')"
                                " AND m.timestamp >= ?"),
        {companyId, peer, sinceMs});
}

namespace {

// Replies of channel sessions with no outbound row yet, for the WHERE given.
QString unsentRepliesSql(const char *where)
{
    return QStringLiteral(
        "SELECT m.id, m.session_id, t.company_id, m.role, m.content, m.timestamp FROM channel_threads t"
        " JOIN messages m ON m.session_id = t.session_id"
        " WHERE %1 AND m.timestamp >= t.created_at"
        " AND m.role IN ('ai_rep', 'ai_manager', 'human_agent')"
        // A web chat's thread (kind web) mails only the replies WebChatMail hands in: its others
        // are never due, and left in here they would fill every look's batch.
        " AND t.kind <> 'web'"
        // (message_id <> '' lets the partial index channel_messages_by_message answer: without it every
        // look scanned every mail and text, and a 10,000-mail import slowed to a crawl.)
        " AND NOT EXISTS (SELECT 1 FROM channel_messages c WHERE c.message_id = m.id AND c.message_id <> ''"
        " AND c.direction = 'out')"
        " ORDER BY m.timestamp, m.seq LIMIT ?")
        .arg(QLatin1String(where));
}

QList<UnsentReply> readUnsent(QSqlQuery &q)
{
    QList<UnsentReply> out;
    while (q.next())
        out << UnsentReply{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toLongLong()};
    q.finish();
    return out;
}

} // namespace

QList<UnsentReply> ChannelRepo::unsentReplies(qint64 sinceMs, int limit)
{
    QSqlQuery &q = m_db.statement(unsentRepliesSql("t.active_at >= ?"));
    if (!m_db.exec(q, {sinceMs, qBound(1, limit, kMaxRows)}))
        return {};
    return readUnsent(q);
}

QList<UnsentReply> ChannelRepo::unsentRepliesOf(const QString &sessionId, int limit)
{
    QSqlQuery &q = m_db.statement(unsentRepliesSql("t.session_id = ?"));
    if (!m_db.exec(q, {sessionId, qBound(1, limit, kMaxRows)}))
        return {};
    return readUnsent(q);
}

Status ChannelRepo::putFile(const ChannelFile &f)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO channel_files(id, company_id, channel_message_id, kind, name, content_type, bytes,"
                       " content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(
        m_db.exec(q, {f.id, f.companyId, f.channelMessageId, f.kind, f.name, f.contentType, f.bytes, f.content}));
}

std::optional<ChannelFile> ChannelRepo::file(const QString &companyId, const QString &id)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id, company_id, channel_message_id, kind, name, content_type, bytes, content"
                       " FROM channel_files WHERE company_id = ? AND id = ?"));
    if (!m_db.exec(q, {companyId, id}) || !q.next())
        return std::nullopt;
    ChannelFile f{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong(), q.value(7).toByteArray()};
    q.finish();
    return f;
}

QList<ChannelFile> ChannelRepo::filesOf(const QString &channelMessageId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id, company_id, channel_message_id, kind, name, content_type, bytes"
                       " FROM channel_files WHERE channel_message_id = ? ORDER BY kind DESC, name LIMIT ?"));
    QList<ChannelFile> out;
    if (!m_db.exec(q, {channelMessageId, kMaxRows}))
        return out;
    while (q.next())
        out << ChannelFile{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong(), QByteArray()};
    q.finish();
    return out;
}

} // namespace tierdesk
