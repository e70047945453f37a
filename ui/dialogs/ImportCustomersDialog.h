#pragma once

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tierdesk::ui {

class ApiClient;

// Customers from a CSV (or NDJSON) file (admin): first a dry run, whose report (how many would
// be created, updated and left unchanged, and each refused row with its line, field and reason)
// is shown; then "Import" sends the same file for real and shows what was done.
// Shown with open(), never exec(): tests call importNow() and read report().
class ImportCustomersDialog : public QDialog {
    Q_OBJECT

public:
    enum class Stage { Checking, Checked, Importing, Imported, Failed };

    ImportCustomersDialog(ApiClient &client, const QString &path, QWidget *parent = nullptr);

    // The file for an import: a file dialog, or what a test's hook answers (empty: cancelled).
    using FileHook = std::function<QString()>;
    static void setFileHook(FileHook hook);
    static QString chooseFile(QWidget *parent);

    Stage stage() const { return m_stage; }
    // The last report: {"created","updated","unchanged","failed":[{"line","field","error"}]}.
    const QJsonObject &report() const { return m_report; }
    QString summary() const;

public slots:
    void importNow();

signals:
    // The import was written (the customers list is stale).
    void imported(const QJsonObject &report);

private:
    void run(bool dryRun);
    void showReport(const QJsonObject &report, bool dryRun);

    ApiClient &m_client;
    QString m_path;
    QByteArray m_data;
    QByteArray m_type;
    Stage m_stage = Stage::Checking;
    QJsonObject m_report;
    QLabel *m_summary;
    QTableWidget *m_failed;
    QDialogButtonBox *m_buttons;
    QPushButton *m_import;
};

} // namespace tierdesk::ui
