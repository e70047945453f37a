#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tierdesk::ui {

class ApiClient;
class TranscriptModel;

// How an e-mail, SMS or WhatsApp conversation came, above its transcript (docs/channels.md): for a mail
// the subject, From / To / Cc, the attachments (Save… downloads one) and the original (Show original);
// for a text the customer's number and ours. The session's deliveries (GET /sessions/:id/channel) go
// to the transcript, which shows each reply's state; read again when a message comes and while a reply
// is still being sent. Hidden for chat and voice conversations.
class ChannelPanel : public QWidget {
    Q_OBJECT

public:
    // While a reply is still pending, its delivery is read again this often.
    static constexpr int kPendingReloadMs = 3000;

    ChannelPanel(ApiClient &client, TranscriptModel &transcript, QWidget *parent = nullptr);

    // The session shown (GET session's body); hidden unless it is a mail's or a text's.
    void setSession(const QJsonObject &session);
    QString kind() const { return m_kind; }
    // Reads the thread and deliveries again (a message of this session came).
    void reload();
    // Saves the attachment to a file the agent picks (tests: setSaveFileChooser).
    void saveAttachment(const QString &fileId, const QString &name);
    // Opens the mail's original in a read-only viewer.
    void showOriginal();
    // Tests pick where a file is saved instead of the file dialog ("" cancels).
    void setSaveFileChooser(std::function<QString(const QString &suggestedName)> chooser);
    QString messageText() const;

signals:
    // GET session channel answered and the panel shows it.
    void loaded();
    void fileSaved(const QString &path);
    void originalShown(QDialog *viewer);
    void failed(const QString &message);

private:
    void buildMailPart();
    void showThread(const QJsonObject &thread);
    void showMail();
    void showFiles();
    void say(const QString &text, bool error);
    // The latest customer mail's channel metadata (subject, addresses, original).
    QJsonObject latestMail() const;

    ApiClient &m_client;
    TranscriptModel &m_transcript;
    QString m_sessionId;
    QString m_kind;
    QJsonObject m_thread;
    QTimer m_pendingReload;
    std::function<QString(const QString &)> m_chooser;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subject;
    QLabel *m_from;
    QLabel *m_to;
    QLabel *m_cc;
    QLabel *m_phone;
    QWidget *m_mailPart;
    QTableWidget *m_files;
    QPushButton *m_save;
    QPushButton *m_original;
    QLabel *m_message;
    QPointer<QDialog> m_viewer;
};

} // namespace tierdesk::ui
