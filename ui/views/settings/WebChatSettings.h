#pragma once

#include "ui/views/settings/FieldErrors.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;
class ConfirmButton;

// Settings › Channels, the web chat on the company's site (docs/channels.md, "Put the chat on your
// website"): the origins that may show it, its title, colour, greeting, side and language, whether
// visitors sign in, the pre-chat questions; the snippet to paste, with a copy button; and the
// identity secret for the company's server, made here and shown this once. A setting the server
// refuses is named under its field.
class WebChatSettings : public QWidget {
    Q_OBJECT

public:
    explicit WebChatSettings(ApiClient &client, QWidget *parent = nullptr);
    QString snippet() const;
    QString fieldError(const QString &field) const;

public slots:
    void refresh();
    void save();
    void copySnippet();
    void makeSecret();

signals:
    void loaded();
    void saved();
    void secretMade(const QString &secret);

private:
    void show(const QJsonObject &web);
    QJsonObject body() const;
    void say(const QString &text, bool error);

    ApiClient &m_client;
    FieldErrors m_errors;
    QPlainTextEdit *m_origins;
    QLineEdit *m_title;
    QLineEdit *m_color;
    QLineEdit *m_greeting;
    QComboBox *m_position;
    QComboBox *m_language;
    QComboBox *m_identity;
    QCheckBox *m_askName;
    QCheckBox *m_askEmail;
    QPushButton *m_save;
    QLineEdit *m_snippet;
    QPushButton *m_copy;
    QLabel *m_secretState;
    ConfirmButton *m_newSecret;
    QLineEdit *m_secret;
    QLabel *m_message;
};

} // namespace tierdesk::ui
