#pragma once

#include "ui/views/settings/FieldErrors.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace tierdesk::ui {

class ApiClient;

// Settings › Sign-in › Single sign-on (admins): the company's OpenID Connect provider (GET/PUT
// /api/cs/auth/oidc): issuer, client id, the client secret (write-only: left empty it stays),
// the e-mail domains it may sign in, the claim and map that give a role, the default role,
// whether unknown people become agents and whether passwords still work. A refused field is
// named under itself.
class SsoSettings : public QWidget {
    Q_OBJECT

public:
    explicit SsoSettings(ApiClient &client, QWidget *parent = nullptr);
    void refresh();
    // What Save sends.
    QJsonObject settings() const;
    void setSettings(const QJsonObject &settings);
    const FieldErrors &errors() const { return m_errors; }
    QTableWidget *roleMap() const { return m_roleMap; }
    void addRoleMapRow(const QString &claimValue, const QString &role);
    void save();

signals:
    void loaded();
    void saved(bool ok);

private:
    QWidget *buildRoleMap();
    QComboBox *roleCombo(QWidget *parent) const;
    void say(const QString &text, bool error = false);

    ApiClient &m_client;
    FieldErrors m_errors;
    QLineEdit *m_issuer;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLineEdit *m_domains;
    QLineEdit *m_roleClaim;
    QTableWidget *m_roleMap;
    QComboBox *m_defaultRole;
    QCheckBox *m_createAgents;
    QCheckBox *m_passwordLogin;
    QPushButton *m_save;
    QLabel *m_message;
    bool m_hasSecret = false;
};

} // namespace tierdesk::ui
