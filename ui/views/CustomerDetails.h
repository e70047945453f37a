#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTableView;
class QTableWidget;

namespace tierdesk::ui {

class CustomerSessionsModel;

// One customer as GET /api/cs/customers/:id answers it: name and id, contact, tier, VIP,
// lifetime value, subscription, credit balance, their attributes (key and value) and their
// conversations (GET /api/cs/sessions?customerId=). A double-clicked conversation is asked
// to open.
class CustomerDetails : public QWidget {
    Q_OBJECT

public:
    explicit CustomerDetails(QWidget *parent = nullptr);

    CustomerSessionsModel &sessions() { return *m_sessions; }
    const QJsonObject &customer() const { return m_customer; }
    QString customerId() const { return m_customer.value(QLatin1String("id")).toString(); }
    bool isErased() const { return m_customer.contains(QLatin1String("erasedAt")); }

    void setCustomer(const QJsonObject &customer);
    // The company's currency (ISO 4217) of the amounts shown next; "USD" until set.
    void setCurrency(const QString &currency) { m_currency = currency; }
    // A list answer of GET /api/cs/sessions: its "sessions" and "total".
    void setSessions(const QJsonObject &body);
    void clear();

signals:
    void openSession(const QString &sessionId);

private:
    QWidget *buildFields();

    QJsonObject m_customer;
    QString m_currency = QStringLiteral("USD");
    QLabel *m_name;
    QLabel *m_id;
    QLabel *m_email;
    QLabel *m_phone;
    QLabel *m_tier;
    QLabel *m_value;
    QLabel *m_subscription;
    QLabel *m_credit;
    QLabel *m_since;
    QTableWidget *m_attributes;
    QLabel *m_noAttributes;
    QLabel *m_sessionsTitle;
    CustomerSessionsModel *m_sessions;
    QTableView *m_sessionTable;
};

} // namespace tierdesk::ui
