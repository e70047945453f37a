#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QDateTime;
class QVBoxLayout;

namespace tierdesk::ui {

class ApiClient;
class AssistPanel;
class ChannelPanel;
class ConversationFiles;
struct ApiError;
class ContextPanel;
class ConversationHeader;
class RecordingPlayer;
class ReplyBox;
class ResolveDialog;
class SendBanner;
class TransferDialog;
class TranscriptModel;
class TranscriptView;
class ViewersLine;

// One escalation: its transcript, the customer's context and sentiment, the
// reply box, and claim / release / transfer / resolve. Replies carry the last
// message id the agent saw (basedOn); when the customer wrote meanwhile the
// server refuses (409 CS_027), the new messages are shown, and the agent may
// send anyway. A reply claims a session nobody holds; one someone else holds is
// refused (409 CS_028) and the banner says who answers instead. Refunds and credits
// go through a dialog that asks to confirm. The holder or a supervisor may snooze the
// conversation: out of the queue for an hour, four hours, until 9:00 tomorrow or a chosen time.
// A reply while a colleague is typing one asks first; a note never does. Resolve… shows the
// closing message the customer will get (to edit or leave out), then asks for the next conversation.
class ConversationView : public QWidget {
    Q_OBJECT

public:
    ConversationView(ApiClient &client, QWidget *parent = nullptr);
    ~ConversationView() override;

    void open(const QString &sessionId);
    // Watching only (a supervisor's look at someone's conversation): nothing can be sent,
    // claimed or changed until the view is opened normally again.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    void setSession(const QJsonObject &session);
    // The queue's line for this session (assignee, priority, SLA), when known.
    void setQueueItem(const QJsonObject &item);
    void applyEvents(const QList<QJsonObject> &events);
    void setQueues(const QStringList &queues) { m_queues = queues; }
    void setCannedResponses(const QJsonArray &items);
    // The call bar (ConsoleCalls) above the conversation.
    void setCallBar(QWidget *bar);

    QString sessionId() const { return m_sessionId; }
    TranscriptModel &transcript() { return *m_transcript; }
    ReplyBox *replyBox() const { return m_reply; }
    AssistPanel *assist() const { return m_assist; }
    ContextPanel *context() const { return m_context; }
    RecordingPlayer *recording() const { return m_recording; } // a call's recording (voice sessions)
    ChannelPanel *channel() const { return m_channel; } // a mail's or text's addresses and files
    ConversationFiles *files() const { return m_files; } // the files sent in the web chat
    TranscriptView *transcriptView() const { return m_view; }
    // Who else has it open, and who of them writes ("" when nobody).
    QString viewersText() const;
    bool bannerVisible() const;
    QString bannerText() const;
    QString basedOn() const { return m_basedOn; }

    // Shortcut targets.
    void claim();
    void release();
    void showTransfer();
    void showResolve();
    // "Issue refund / credit": a dialog with a confirmation step, then the API.
    void showAction();
    void focusReply();
    void toggleNote();
    // Out of the queue until then (or until the customer writes); the server checks the time.
    void snoozeUntil(const QDateTime &until);
    // Asks for a date and time (at most 30 days ahead) and snoozes until then.
    void showSnoozePicker();
    // 9:00 local time on the day after `now`.
    static QDateTime tomorrowMorning(const QDateTime &now);

signals:
    void status(const QString &message);
    void resolved(const QString &sessionId);
    // Resolved with "then open the next conversation" chosen: the window picks it.
    void nextWanted(const QString &resolvedSessionId);
    void transferred(const QString &sessionId);
    void snoozed(const QString &sessionId);

private:
    QWidget *buildHeader();
    QWidget *buildBanner();
    void wireFiles();
    void updateHeader();
    // A "viewers" event: the others who have this conversation open (the console's own person left out).
    void showViewers(const QJsonArray &viewers);
    // `overColleague`: the agent already chose to send although a colleague types a reply.
    void send(const QString &text, bool internal, bool force, bool overColleague = false);
    // A colleague is typing a reply: asks in the banner and keeps the text (true), or nothing to ask.
    bool askBeforeReplyingOver(const QString &text, bool force);
    // Resolves with what the dialog holds, then opens the next conversation if it says so.
    void resolve(const QString &session, const ResolveDialog &dialog);
    void onSendFailed(const QString &text, bool internal, const ApiError &e);
    void showBanner(const QString &text, bool offerForce, bool offerRead = true);
    // Canned responses change in Settings meanwhile: read again when this console changes one
    // and whenever the picker opens (another console may have).
    void reloadCanned();
    // The company's people for "@" in a note, read again at each new "@".
    void loadMentionNames();
    void showHeldByOther(const ApiError &e);
    void hideBanner();
    void markRead();
    void fail(const QString &what, const ApiError &e);
    // The language the customer reads: the session's, else the company's (read once per company).
    void followCustomerLanguage();

    ApiClient &m_client;
    TranscriptModel *m_transcript;
    TranscriptView *m_view;
    QVBoxLayout *m_left = nullptr; // the transcript's column
    ContextPanel *m_context;
    ReplyBox *m_reply;
    AssistPanel *m_assist;
    ConversationHeader *m_header;
    ViewersLine *m_viewers;
    RecordingPlayer *m_recording;
    ChannelPanel *m_channel;
    ConversationFiles *m_files;
    SendBanner *m_banner;
    QString m_sessionId;
    QJsonObject m_session;
    QJsonObject m_queueItem;
    QString m_basedOn;
    QString m_pendingText; // what "send anyway" sends
    bool m_pendingNote = false;
    bool m_pendingForce = false; // past the customer's new messages, too
    bool m_readOnly = false;
    QString m_companyLanguage;
    QString m_languageOfCompany; // the company m_companyLanguage is of
    QStringList m_queues{QStringLiteral("orders"), QStringLiteral("inquiries"), QStringLiteral("complaints")};
};

} // namespace tierdesk::ui
