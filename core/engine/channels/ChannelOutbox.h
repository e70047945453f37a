#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/channels/ChannelAccounts.h"
#include "core/engine/channels/ChannelSessions.h"
#include "core/engine/channels/ReplySender.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace tierdesk {

// Replies of the sessions that came by mail or text, out on their channel. Every reply an AI tier
// or a person writes in such a session gets an outbound row (found by looking, so a restart
// between the reply and its row loses nothing); due rows are sent on worker threads and settled
// back here: sent with the provider's id, tried again later, or failed. A mail's Message-ID is
// chosen when its row is written, so the customer's answer threads even before it is sent.
// At most kMaxAutomaticPerHour AI replies an hour go to one address or number (mail loops, floods);
// one held back sends its conversation to a person. Engine thread.
class ChannelOutbox : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxAutomaticPerHour = ChannelSessions::kMaxAnswersPerHour;
    static constexpr int kMaxAttempts = 6;
    static constexpr int kBatch = 50; // rows prepared per look
    static constexpr qint64 kLookBackMs = 7LL * 24 * 3600 * 1000; // threads active this recently are looked at
    static constexpr int kTickMs = 15000; // retries and the look after a restart

    ChannelOutbox(SessionEngine &engine, ChannelAccounts &accounts, std::shared_ptr<ReplySender> sender,
        QObject *parent = nullptr);
    ~ChannelOutbox() override;

    // Where Twilio reports a company's replies' delivery (the Twilio family's URL, which the runtime
    // knows); none: texts go without a StatusCallback.
    using StatusCallbackUrl = std::function<QString(const QString &companyId)>;
    void setStatusCallbackUrl(StatusCallbackUrl url) { m_statusCallbackUrl = std::move(url); }
    // The address a survey mail's links start with (the server's public URL); none: no survey mail goes.
    void setSurveyLinkBase(std::function<QString()> base) { m_surveyLinkBase = std::move(base); }
    // Looks now and every `tickMs`; also whenever a channel session's reply is committed.
    void start(int tickMs = kTickMs);
    void kick();
    // Queues one reply of a thread whose replies are not all mailed (a web chat's: WebChatMail),
    // in the caller's batch; sent once committed (kick).
    void enqueueOne(const Message &reply, const ChannelThread &thread);
    // Waits for replies being sent (tests and shutdown).
    void waitForSending() { m_pool.waitForDone(); }

    // A new mail's Message-ID in `thread` (without <>): unique, and recognisably the thread's when read.
    static QString newMessageId(const ChannelThread &thread);

    // The milliseconds before attempt `attempts` + 1.
    static qint64 backoffMs(int attempts);

signals:
    void deliveryChanged(const QString &companyId, const QString &sessionId);
    void idle(); // nothing due is waiting or being sent

private:
    void look(const QString &sessionId); // empty: every thread active lately
    void enqueueReplies(const QString &sessionId);
    void enqueue(const UnsentReply &reply, const ChannelThread &thread, qint64 now);
    // A reply held back (the hourly bound): the conversation goes to a person, once.
    void toPerson(const ChannelThread &thread);
    void sendDue();
    std::optional<OutgoingReply> prepare(const ChannelMessageRow &row);
    // A survey row's mail: its question and links (SatisfactionSurveys); false when it cannot be written yet.
    bool surveyMail(const QString &surveyId, OutgoingReply &out);
    void settle(const ChannelMessageRow &row, const Result<QString> &sent);

    SessionEngine &m_engine;
    ChannelAccounts &m_accounts;
    std::shared_ptr<ReplySender> m_sender;
    StatusCallbackUrl m_statusCallbackUrl;
    std::function<QString()> m_surveyLinkBase;
    QThreadPool m_pool;
    QTimer m_tick;
    QSet<QString> m_sending; // row ids handed to the pool
    bool m_looking = false;
};

} // namespace tierdesk
