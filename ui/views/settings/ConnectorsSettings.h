#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace tierdesk::ui {

class ApiClient;
class ConfirmButton;
class ConnectorCallsModel;
class ConnectorDialog;
class ConnectorsModel;
struct ApiError;

// Settings > Connectors (admins): the company's connectors to its own systems (name, kind,
// purposes, URL, how it signs in, whether a secret is kept, when added); Add and Edit in a
// dialog (ConnectorDialog), Remove (a second click confirms); Test the selected one for a
// purpose with the placeholders' values (ok and result or error, latency, the request's method
// and URL; a refund or credit is a dry run that sends nothing); and its last calls.
class ConnectorsSettings : public QWidget {
    Q_OBJECT

public:
    explicit ConnectorsSettings(ApiClient &client, QWidget *parent = nullptr);
    ConnectorsModel &model() { return *m_model; }
    ConnectorCallsModel &calls() { return *m_calls; }
    QString selectedName() const;
    void select(const QString &name);
    QString testResult() const;
    // The dialog Add or Edit opened last (nullptr once it closed).
    ConnectorDialog *dialog() const { return m_dialog; }
    // The test's inputs: placeholder -> value (the test table's rows).
    void setTestInput(const QString &placeholder, const QString &value);

public slots:
    void refresh();
    void addConnector();
    void editConnector();
    void test();
    void loadCalls();

signals:
    void loaded();
    void saved();
    void removed();
    void tested();
    void callsLoaded();

private:
    QWidget *buildTest();
    QWidget *buildCalls();
    void openDialog(const QJsonObject &connector);
    void remove();
    void followSelection();
    void followPurpose();
    void showTest(const QJsonObject &answer);
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    ConnectorsModel *m_model;
    ConnectorCallsModel *m_calls;
    QTableView *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    ConfirmButton *m_remove;
    QComboBox *m_purpose;
    QTableWidget *m_input;
    QPushButton *m_test;
    QLabel *m_testResult;
    QPlainTextEdit *m_testAnswer;
    QTableView *m_callsTable;
    QPushButton *m_reloadCalls;
    QLabel *m_message;
    ConnectorDialog *m_dialog = nullptr;
};

} // namespace tierdesk::ui
