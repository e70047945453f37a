#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class CannedResponsesModel;
class ConfirmButton;
struct ApiError;

// Settings > Canned responses (supervisors and admins): the company's replies agents insert
// with "/" in the reply box. Pick one to edit it, or New; the text may hold the placeholders
// the server fills for each conversation (listed beside it, one click inserts one). Every
// change goes through the server, which checks it; the reply box hears of it
// (ApiClient::cannedResponsesChanged) and offers it at once.
class CannedResponsesSettings : public QWidget {
    Q_OBJECT

public:
    explicit CannedResponsesSettings(ApiClient &client, QWidget *parent = nullptr);
    CannedResponsesModel &model() { return *m_model; }
    // The one being edited ("" for a new one).
    const QString &editingId() const { return m_editingId; }
    // Placeholders in the text that the server does not fill ("{{order.total}}").
    QStringList unknownPlaceholders() const;

public slots:
    void refresh();
    void startNew();

signals:
    void loaded();
    void saved(const QString &id);
    void deleted(const QString &id);

private:
    QWidget *buildEditor();
    QWidget *buildPlaceholderHelp();
    void edit(int row);
    void save();
    void remove();
    void checkText();
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    CannedResponsesModel *m_model;
    QTableView *m_table;
    QLineEdit *m_shortcut;
    QLineEdit *m_title;
    QPlainTextEdit *m_content;
    QComboBox *m_insert;
    QPushButton *m_new;
    QPushButton *m_save;
    ConfirmButton *m_delete;
    QLabel *m_message;
    QString m_editingId;
};

} // namespace tierdesk::ui
