#pragma once

#include "ui/dialogs/MfaSetupDialog.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;
class ConfirmButton;
class SignInSessionsModel;
class SsoSettings;

// Settings › Sign-in. For everyone: their second factor (on or off; set one up, remove it with a
// code) and their sessions (where and how they are signed in; end one, or all but this
// console's). For admins: a second factor required of everyone (auth.requireMfa) and the
// company's single sign-on (SsoSettings).
class SignInSettings : public QWidget {
    Q_OBJECT

public:
    explicit SignInSettings(ApiClient &client, QWidget *parent = nullptr);
    SignInSessionsModel &sessions() { return *m_model; }
    QTableView *sessionsTable() const { return m_table; }
    SsoSettings *sso() const { return m_sso; }
    MfaSetupDialog *setupDialog() const { return m_setupDialog.data(); }
    QString selectedSessionId() const;

public slots:
    // The second factor as the signed-in agent has it, the sessions, and (admins) the company's.
    void refresh();
    void endSelectedSession();
    void endOtherSessions();

signals:
    void sessionsLoaded();
    void saved(bool ok);

private:
    QWidget *buildFactor();
    QWidget *buildSessions();
    QWidget *buildCompany();
    void showFactor();
    void showRequirement(const QJsonObject &config);
    void loadSessions();
    void setUp();
    void removeFactor();
    void setRequireMfa(bool on);
    void say(QLabel *label, const QString &text, bool error = false);

    ApiClient &m_client;
    QLabel *m_factorStatus;
    QPushButton *m_setUp;
    QLineEdit *m_removeCode;
    QPushButton *m_remove;
    QLabel *m_factorMessage;
    SignInSessionsModel *m_model;
    QTableView *m_table;
    QPushButton *m_endSession;
    ConfirmButton *m_endOthers;
    QLabel *m_sessionsMessage;
    QGroupBox *m_companyBox;
    QCheckBox *m_requireMfa;
    QLabel *m_companyMessage;
    SsoSettings *m_sso;
    QPointer<MfaSetupDialog> m_setupDialog;
    bool m_required = false; // the company requires a second factor
};

} // namespace tierdesk::ui
