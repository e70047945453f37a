#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class CustomerDetails;
class CustomerDialog;
class CustomersModel;
class ImportCustomersDialog;

// The company's customers (GET /api/cs/customers): searched as you type, a page at a time,
// and the chosen one's details and conversations. Admins also make and edit customers, erase
// one's personal data (GDPR Art. 17, after a confirmation) and import a CSV file (a dry run
// first). Other roles see none of those buttons.
class CustomersView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 250;

    explicit CustomersView(ApiClient &client, QWidget *parent = nullptr);

    CustomersModel &model() { return *m_model; }
    CustomerDetails &details() { return *m_details; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Whether the admin's buttons are offered (the signed-in person's role).
    bool offersAdminActions() const;
    // The dialogs while open (tests fill and confirm them).
    CustomerDialog *customerDialog() const;
    QMessageBox *eraseDialog() const;
    ImportCustomersDialog *importDialog() const;

public slots:
    void refresh();
    void nextPage();
    void previousPage();
    void showNew();
    void showEdit();
    void askErase();
    // Import CSV...: the file (ImportCustomersDialog::chooseFile), then its dry run.
    void chooseImport();
    void startImport(const QString &path);
    // Another company: nothing of the old one stays.
    void forgetCompany();

signals:
    void status(const QString &text);
    void openSession(const QString &sessionId);

private:
    QWidget *buildList();
    void applyRole();
    void open(const QString &customerId);
    void showCustomer(const QJsonObject &customer);
    void erase(const QString &customerId);
    void openDialog(const QJsonObject &customer);
    void say(const QString &text, bool error = false);

    ApiClient &m_client;
    CustomersModel *m_model;
    CustomerDetails *m_details;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_range;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_new;
    QPushButton *m_importButton;
    QPushButton *m_edit;
    QPushButton *m_eraseButton;
    QLabel *m_message;
    QTimer m_searchDelay;
    int m_pageSize = 50;
    int m_offset = 0;
    int m_generation = 0; // answers to older searches are dropped
    QString m_current; // the customer shown
    QPointer<CustomerDialog> m_dialog;
    QPointer<QMessageBox> m_erase;
    QPointer<ImportCustomersDialog> m_import;
};

} // namespace tierdesk::ui
