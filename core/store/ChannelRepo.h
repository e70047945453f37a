#pragma once

#include "core/common/Result.h"
#include "core/domain/ChannelRecords.h"
#include "core/store/Database.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace tierdesk {

// The inbox channels' tables (migration 27): the companies' mailboxes and Twilio accounts, the
// sessions that came by mail or text, every mail and text in and out, and mails' files.
class ChannelRepo {
public:
    static constexpr int kMaxRows = 1000; // rows one question reads at most

    explicit ChannelRepo(Database &db) : m_db(db) { }

    // Accounts, one per company and kind.
    Status putAccount(const ChannelAccountRow &account);
    std::optional<ChannelAccountRow> account(const QString &companyId, const QString &kind);
    QList<ChannelAccountRow> accounts(const QString &kind);
    Result<bool> removeAccount(const QString &companyId, const QString &kind);
    Status setAccountState(const QString &companyId, const QString &kind, const QVariantMap &state, qint64 now);

    // Threads.
    Status putThread(const ChannelThread &thread);
    std::optional<ChannelThread> thread(const QString &sessionId);
    std::optional<ChannelThread> threadByShortId(const QString &companyId, const QString &shortId);
    // The newest thread of that kind with `peer` whose session is not resolved.
    std::optional<ChannelThread> openThread(const QString &companyId, const QString &kind, const QString &peer);
    Status touchThread(const QString &sessionId, qint64 at);

    // Mails and texts. Inserted unless its external id (or its message and part) is stored already:
    // false then, and nothing written.
    Result<bool> insertMessage(const ChannelMessageRow &row);
    std::optional<ChannelMessageRow> message(const QString &id);
    std::optional<ChannelMessageRow> messageByExternalId(const QString &companyId, const QString &externalId);
    // The session one of `externalIds` belongs to (the newest mention), if any.
    std::optional<QString> sessionOfExternalIds(const QString &companyId, const QStringList &externalIds);
    Status updateMessage(const ChannelMessageRow &row);
    QList<ChannelMessageRow> messagesOfSession(const QString &sessionId);
    // Outbound rows waiting to be sent whose time has come, oldest first.
    QList<ChannelMessageRow> dueOutbound(qint64 now, int limit);
    // The ids of inbound rows of these kinds (one to three) received but not yet posted to their
    // session (a crash between the two), oldest first.
    QStringList unpostedInbound(const QStringList &kinds, int limit);
    // Replies to `peer` marked automatic since `sinceMs` (auto-replies sent to one address or number;
    // a long text's parts count once).
    int automaticRepliesTo(const QString &companyId, const QString &peer, qint64 sinceMs);
    // The AI tiers' replies since `sinceMs` in the company's mail and text conversations with `peer` (not
    // a web chat's, whose replies stay in the chat), counted as soon as they are stored (before the
    // outbox has their rows).
    int aiRepliesTo(const QString &companyId, const QString &peer, qint64 sinceMs);
    // Replies (AI tiers' and people's) of channel sessions active since `sinceMs` that have no
    // outbound row yet, oldest first; never a web chat's (kind web: WebChatMail picks its own).
    QList<UnsentReply> unsentReplies(qint64 sinceMs, int limit);
    // The same for one session (the look after one of its replies: the above grows with the threads).
    QList<UnsentReply> unsentRepliesOf(const QString &sessionId, int limit);

    // Files.
    Status putFile(const ChannelFile &file);
    std::optional<ChannelFile> file(const QString &companyId, const QString &id);
    // The files of a mail, without their content.
    QList<ChannelFile> filesOf(const QString &channelMessageId);

private:
    QList<ChannelMessageRow> readMessages(QSqlQuery &q);
    QList<ChannelThread> readThreads(QSqlQuery &q);
    int count(const QString &sql, std::initializer_list<QVariant> binds); // a COUNT(*) query's answer; 0 when it fails

    Database &m_db;
};

} // namespace tierdesk
