#pragma once

#include "ui/views/settings/FieldErrors.h"

#include <QJsonObject>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;
class ConfirmButton;
class WebChatSettings;

// Settings > Channels (admins, docs/channels.md): the company's mailbox (IMAP to read, SMTP to answer,
// whether the AI answers, the size limit) with what its poller last did and "Fetch now"; and its
// Twilio account for SMS and WhatsApp with the webhook addresses to give Twilio; and the web chat on
// the company's site (WebChatSettings). Passwords and the
// auth token are write-only: the page says whether one is set, and a field left empty keeps it.
// A setting the server refuses is named under its field.
class ChannelsSettings : public QWidget {
    Q_OBJECT

public:
    explicit ChannelsSettings(ApiClient &client, QWidget *parent = nullptr);

    // The base Twilio reaches this server at (the setting server/publicUrl); else the console's server.
    void setPublicBase(const QUrl &base);
    QString messagesWebhook() const;
    QString statusWebhook() const;
    // The error shown under an API field ("imap.url", "numbers"), "" when none.
    QString fieldError(const QString &field) const;
    WebChatSettings *webChat() const { return m_web; }

public slots:
    void refresh();
    void saveMailbox();
    void removeMailbox();
    void fetchNow();
    void saveTwilio();
    void removeTwilio();

signals:
    void mailboxLoaded();
    void mailboxSaved();
    void twilioLoaded();
    void twilioSaved();
    void fetched(qint64 count);

private:
    QWidget *buildMailbox();
    QWidget *buildTwilio();
    void showMailbox(const QJsonObject &mailbox);
    void showMailboxStatus(const QJsonObject &status);
    void showTwilio(const QJsonObject &account);
    void showWebhooks();
    QJsonObject mailboxBody() const;
    // Shows `e` under its field when it names one known to this page, else in `message`.
    void showError(const ApiError &e, QLabel *message);
    void say(QLabel *where, const QString &text, bool error);

    ApiClient &m_client;
    QUrl m_publicBase;
    FieldErrors m_errors;
    WebChatSettings *m_web;
    // mailbox
    QLineEdit *m_address;
    QLineEdit *m_name;
    QLineEdit *m_imapUrl;
    QLineEdit *m_imapUser;
    QLineEdit *m_imapPassword;
    QSpinBox *m_poll;
    QCheckBox *m_imapStartTls;
    QLineEdit *m_smtpUrl;
    QLineEdit *m_smtpUser;
    QLineEdit *m_smtpPassword;
    QCheckBox *m_startTls;
    QCheckBox *m_autoReply;
    QDoubleSpinBox *m_maxMb;
    QPushButton *m_mailSave;
    ConfirmButton *m_mailRemove;
    QPushButton *m_fetch;
    QLabel *m_mailStatus;
    QLabel *m_mailMessage;
    // Twilio
    QLineEdit *m_sid;
    QLineEdit *m_token;
    QPlainTextEdit *m_numbers;
    QLineEdit *m_apiUrl;
    QPushButton *m_twilioSave;
    ConfirmButton *m_twilioRemove;
    QLabel *m_webhooks;
    QLabel *m_twilioMessage;
};

} // namespace tierdesk::ui
