#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;

// Settings > E-mail (admins): the server's SMTP settings for escalation e-mail
// (GET/PUT /api/cs/settings/smtp). The password is write-only; saved values apply
// when the server next starts; read-only on a server with several companies.
class EmailSettings : public QWidget {
    Q_OBJECT

public:
    explicit EmailSettings(ApiClient &client, QWidget *parent = nullptr);

public slots:
    void refresh();
    void save();

signals:
    void loaded();
    void saved();

private:
    void show(const QJsonObject &smtp);
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_tls;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_from;
    QSpinBox *m_timeout;
    QPushButton *m_save;
    QLabel *m_state;
    QLabel *m_message;
};

} // namespace tierdesk::ui
