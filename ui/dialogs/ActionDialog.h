#pragma once

#include <QDialog>
#include <QJsonArray>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace tierdesk::ui {

// A person's refund or credit: type, order (from GET session's context.orders),
// amount and reason, then a confirmation page ("Refund $25.00 for ORD-10005 to
// Ben Carter?"). Amounts are in the company's currency (ISO 4217, its config's
// company.currency). Accepted only from the confirmation; cancelling there sends
// nothing. Shown with open(), never exec(): tests fill it, review() and confirm().
class ActionDialog : public QDialog {
    Q_OBJECT

public:
    ActionDialog(
        const QString &customerName, const QJsonArray &orders, const QString &currency, QWidget *parent = nullptr);

    QString type() const; // "refund" | "credit"
    QString orderId() const; // empty for a credit
    double amount() const;
    QString reason() const;
    void setType(const QString &type);
    void setOrder(const QString &orderId);
    void setAmount(double amount);
    void setReason(const QString &reason);

    // What the confirmation page asks.
    QString summary() const;
    bool confirming() const;
    // The form's "Review" and the confirmation's "Confirm" / "Back".
    void review();
    void confirm();
    void back();

    // What is left to refund on an order that was charged; 0 when nothing is owed.
    static double refundable(const QJsonObject &order);

private:
    void addOrders(const QJsonArray &orders);
    void sync();

    QString m_customer;
    QString m_currency;
    QStackedWidget *m_pages;
    QComboBox *m_type;
    QComboBox *m_order;
    QDoubleSpinBox *m_amount;
    QLineEdit *m_reason;
    QPushButton *m_review;
    QLabel *m_summary;
};

} // namespace tierdesk::ui
