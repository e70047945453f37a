#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tierdesk::ui {

class AgentsModel;
class ApiClient;
class ConfirmButton;
struct ApiError;

// Settings > Agents (admins): the company's agents, active or not; create one with a
// password, deactivate or reactivate the selected one, set a new password for them and
// how many conversations automatic assignment gives them at once (their capacity); end their
// sessions (signed out everywhere) or remove their second factor (a lost phone).
class AgentsSettings : public QWidget {
    Q_OBJECT

public:
    explicit AgentsSettings(ApiClient &client, QWidget *parent = nullptr);
    AgentsModel &model() { return *m_model; }
    QTableView *table() const { return m_table; }
    QString selectedId() const;

public slots:
    void refresh();

signals:
    void loaded();

private:
    QWidget *buildCreateForm();
    QWidget *buildSelectedActions();
    void create();
    void toggleActive();
    void setPassword();
    void setCapacity();
    void endSessions();
    void removeSecondFactor();
    void selectionChanged();
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    AgentsModel *m_model;
    QTableView *m_table;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_role;
    QLineEdit *m_password;
    QPushButton *m_create;
    QPushButton *m_active;
    QLineEdit *m_newPassword;
    QPushButton *m_setPassword;
    QSpinBox *m_capacity;
    QPushButton *m_setCapacity;
    ConfirmButton *m_endSessions;
    ConfirmButton *m_removeFactor;
    QLabel *m_message;
};

} // namespace tierdesk::ui
