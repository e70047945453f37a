#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace tierdesk::ui {

class ApiClient;

// Setting up a second factor, for the login dialog (when the company requires one) and for
// Settings › Sign-in alike: the QR code of the new secret and the secret as text, a first code
// to confirm it, then the ten recovery codes, shown this once, with Copy and Save; "Continue"
// only once the person says they have saved them. start() asks the server for the secret.
class MfaSetupPanel : public QWidget {
    Q_OBJECT

public:
    explicit MfaSetupPanel(ApiClient &client, QWidget *parent = nullptr);
    void start();
    QString secret() const { return m_secret; }
    QString otpauthUrl() const { return m_url; }
    QStringList recoveryCodes() const { return m_codes; }
    bool showsRecoveryCodes() const;
    // The codes as Save writes them (one a line, with a heading), into `path`.
    bool saveCodesTo(const QString &path) const;
    // The secret in groups of four, as a person types it into an app.
    static QString grouped(const QString &secret);

signals:
    // The secret could not be had (`error` says why).
    void failed(const QString &error);
    // The person saved the codes and continues: the confirmation's answer (with a full login in
    // it when the token could only set a factor up).
    void completed(const QJsonObject &answer);

private:
    QWidget *buildScanPage();
    QWidget *buildCodesPage();
    void confirm();
    void saveCodes();
    void showError(const QString &text);

    ApiClient &m_client;
    QStackedWidget *m_pages;
    QLabel *m_qr;
    QLabel *m_secretText;
    QLineEdit *m_code;
    QPushButton *m_confirm;
    QLabel *m_error;
    QPlainTextEdit *m_codesText;
    QCheckBox *m_saved;
    QPushButton *m_continue;
    QLabel *m_savedNote;
    QString m_secret;
    QString m_url;
    QStringList m_codes;
    QJsonObject m_answer;
};

} // namespace tierdesk::ui
