#pragma once

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class ConfirmButton;
class TokensModel;
struct ApiError;

// Settings > API tokens (admins): tokens for other systems. A new token is shown once,
// in a read-only field with a Copy button; revoking one (a second click confirms)
// makes the server refuse it from its next request.
class TokensSettings : public QWidget {
    Q_OBJECT

public:
    explicit TokensSettings(ApiClient &client, QWidget *parent = nullptr);
    TokensModel &model() { return *m_model; }
    QString selectedId() const;
    // The token just made (empty once another is made or the page reloads it away).
    QString shownToken() const;

public slots:
    void refresh();

signals:
    void loaded();

private:
    QWidget *buildCreateForm();
    QWidget *buildSecretBox();
    void create();
    void revoke();
    void selectionChanged();
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    TokensModel *m_model;
    QTableView *m_table;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_customer;
    QSpinBox *m_days;
    QPushButton *m_create;
    QFrame *m_secretBox;
    QLineEdit *m_secret;
    QPushButton *m_copy;
    ConfirmButton *m_revoke;
    QLabel *m_message;
};

} // namespace tierdesk::ui
