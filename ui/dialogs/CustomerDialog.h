#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;

// A new customer or one's whole profile (admin): id (only for a new one), name, e-mail, phone,
// tier, VIP, lifetime value, subscription and attributes, saved with PUT /api/cs/customers/:id.
// It stays open until the server took it: a refused field's reason shows under that field.
// Shown with open(), never exec(): tests fill it and call save().
class CustomerDialog : public QDialog {
    Q_OBJECT

public:
    // `customer` empty: a new customer with a fresh id.
    CustomerDialog(ApiClient &client, const QJsonObject &customer, QWidget *parent = nullptr);

    bool isNew() const { return m_new; }
    // The body of the PUT as the form reads now.
    QJsonObject fields() const;
    QString customerId() const;
    // The reason shown under `field` ("" when none).
    QString errorOf(const QString &field) const;

public slots:
    void save();

signals:
    // The server's answer: the customer as stored.
    void saved(const QJsonObject &customer);

private:
    QWidget *buildSubscription();
    QWidget *buildAttributes();
    void fill(const QJsonObject &customer);
    QJsonObject attributes() const;
    void showError(const ApiError &error);
    void clearErrors();
    QLabel *errorLabel(const QString &field);

    ApiClient &m_client;
    bool m_new;
    QJsonObject m_originalAttributes;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QComboBox *m_tier;
    QCheckBox *m_vip;
    QDoubleSpinBox *m_value;
    QGroupBox *m_subscription;
    QLineEdit *m_plan;
    QComboBox *m_status;
    QDoubleSpinBox *m_price;
    QTableWidget *m_attributes;
    QLabel *m_error; // what names no field
    QHash<QString, QLabel *> m_fieldErrors;
    QDialogButtonBox *m_buttons;
};

} // namespace tierdesk::ui
