#pragma once

#include "ui/views/settings/FieldErrors.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace tierdesk::ui {

class ApiClient;

// A new knowledge source (admin): a website (address, include and exclude paths one a line, max
// pages, sync every N hours) or a Zendesk Help Center (address, max articles, sync hours, locale
// and an optional API token with its agent's e-mail). Added with POST /api/cs/kb/sources; it stays
// open until the server took it, and a refused field's reason (400 CS_011) shows under that field.
// Shown with open(), never exec(): tests fill it and call save().
class KbSourceDialog : public QDialog {
    Q_OBJECT

public:
    // `kind`: "website" or "zendesk".
    KbSourceDialog(ApiClient &client, const QString &kind, QWidget *parent = nullptr);

    QString kind() const { return m_kind; }
    // The body of the POST as the form reads now.
    QJsonObject body() const;
    // The reason shown under an API field ("url", "include", "auth", ...), "" when none.
    QString errorOf(const QString &field) const { return m_errors.error(field); }

public slots:
    void save();

signals:
    // The server's answer: the source as stored, queued for its first sync.
    void added(const QJsonObject &source);

private:
    QJsonObject authBody() const;

    ApiClient &m_client;
    QString m_kind;
    FieldErrors m_errors;
    QLineEdit *m_url;
    QPlainTextEdit *m_include = nullptr;
    QPlainTextEdit *m_exclude = nullptr;
    QSpinBox *m_maxPages;
    QSpinBox *m_syncHours;
    QLineEdit *m_locale = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_error; // what names no field
    QDialogButtonBox *m_buttons;
};

} // namespace tierdesk::ui
