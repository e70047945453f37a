#pragma once

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QAction;

namespace tierdesk::ui {

class ApiClient;
class ReplyBox;
class TranscriptModel;
struct ApiError;

// AI help beside the reply box (POST /sessions/:id/assist): Draft reply fills the reply
// box for the agent to edit (never sends), Improve rewords the agent's text in place (one
// undo step), Summarize shows the conversation so far in a panel to read or copy, and
// Translate puts the customer's last (or the selected) message into the agent's language
// beside the original, or the agent's reply into the customer's. The guard's notes on a
// draft show under it. While a request runs the buttons wait; a failure is said here and
// never blocks the reply box.
class AssistPanel : public QWidget {
    Q_OBJECT

public:
    AssistPanel(ApiClient &client, ReplyBox &reply, TranscriptModel &transcript, QWidget *parent = nullptr);

    // The open session ("" for none) and the language its customer reads ("en", "de"; "" when unknown).
    void setSession(const QString &sessionId, const QString &customerLanguage);
    // Whether the agent may write in this session (draft, improve and translating a reply need it).
    void setWritable(bool writable);
    // The text the agent selected in the transcript (Translate takes it over the last message).
    void setSelectionSource(std::function<QString()> selected) { m_selected = std::move(selected); }
    // The agent's own language: the console's.
    static QString agentLanguage();

    bool isBusy() const { return m_busy; }
    QString message() const;
    QString panelText() const;
    bool panelVisible() const;

public slots:
    void draft();
    void summarize();
    void translateCustomer();
    void translateReply();
    void improve();

signals:
    // A task was answered (succeeded or failed): tests and the status bar follow it.
    void answered(const QString &task, bool ok);
    void status(const QString &text);

private:
    void run(const QString &task, const QString &text, const QString &language,
        std::function<void(const QJsonObject &)> done);
    void setBusy(bool busy);
    void showPanel(const QString &title, const QString &text);
    void say(const QString &text, bool error = false);
    QString failure(const ApiError &e) const;
    void updateButtons();

    ApiClient &m_client;
    ReplyBox &m_reply;
    TranscriptModel &m_transcript;
    std::function<QString()> m_selected;
    QString m_sessionId;
    QString m_customerLanguage;
    bool m_writable = false;
    bool m_busy = false;
    QPushButton *m_draft;
    QPushButton *m_summary;
    QToolButton *m_translate;
    QAction *m_translateCustomer;
    QAction *m_translateReply;
    QPushButton *m_improve;
    QLabel *m_message;
    QWidget *m_panel;
    QLabel *m_panelTitle;
    QPlainTextEdit *m_panelText;
};

} // namespace tierdesk::ui
