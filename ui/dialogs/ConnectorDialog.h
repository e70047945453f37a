#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QWidget;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;

// A new connector or one's whole definition (admin): name (only for a new one), kind, the
// purposes it serves, URL, how it signs in (the secret write-only: left empty when editing, the
// stored one is kept), timeout, for `http` the requests and answer fields per purpose as JSON,
// for `stripe` the webhook secret. Saved with PUT /api/cs/connectors/:name; it stays open until
// the server took it, and a refused field's reason (400 CS_011) shows under that field.
// Shown with open(), never exec(): tests fill it and call save().
class ConnectorDialog : public QDialog {
    Q_OBJECT

public:
    // `connector` empty: a new one.
    ConnectorDialog(ApiClient &client, const QJsonObject &connector, QWidget *parent = nullptr);

    bool isNew() const { return m_new; }
    QString name() const;
    // The body of the PUT as the form reads now; a field the console cannot read (JSON that
    // does not parse) is named in *badField with its reason in *why.
    QJsonObject body(QString *badField = nullptr, QString *why = nullptr) const;
    // The reason shown under `field` ("" when none).
    QString errorOf(const QString &field) const;

public slots:
    void save();

signals:
    // The server's answer: the connector as stored.
    void saved(const QJsonObject &connector);

private:
    QWidget *buildPurposes();
    QWidget *buildAuth();
    QWidget *buildHttp();
    void fill(const QJsonObject &connector);
    void followKind();
    void followAuth();
    QJsonObject authBody() const;
    void showError(const QString &field, const QString &message);
    void showApiError(const ApiError &error);
    void clearErrors();
    QLabel *errorLabel(const QString &field);
    QWidget *withError(QWidget *field, const QString &name);

    ApiClient &m_client;
    bool m_new;
    QJsonObject m_stored;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QHash<QString, QCheckBox *> m_purposes;
    QLineEdit *m_url;
    QComboBox *m_authType;
    QLineEdit *m_username;
    QLineEdit *m_headerName;
    QLineEdit *m_accessKeyId;
    QLineEdit *m_region;
    QLineEdit *m_service;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QSpinBox *m_timeout;
    QWidget *m_httpBox;
    QPlainTextEdit *m_requests;
    QPlainTextEdit *m_fields;
    QWidget *m_stripeBox;
    QLineEdit *m_webhookSecret;
    QHash<QString, QWidget *> m_authRows; // the auth fields by what they are ("username", ...)
    QLabel *m_error; // what names no field
    QHash<QString, QLabel *> m_fieldErrors;
    QDialogButtonBox *m_buttons;
};

} // namespace tierdesk::ui
