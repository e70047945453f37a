#include "ui/dialogs/ActionDialog.h"

#include "ui/models/Display.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace tierdesk::ui {
double ActionDialog::refundable(const QJsonObject &order)
{
    const QString status = order.value(QLatin1String("status")).toString();
    if (status == QLatin1String("pending") || status == QLatin1String("cancelled")
        || status == QLatin1String("refunded"))
        return 0;
    return qMax(
        0.0, order.value(QLatin1String("total")).toDouble() - order.value(QLatin1String("refundedAmount")).toDouble());
}

ActionDialog::ActionDialog(
    const QString &customerName, const QJsonArray &orders, const QString &currency, QWidget *parent)
    : QDialog(parent), m_customer(customerName.isEmpty() ? tr("the customer") : customerName), m_currency(currency)
{
    setObjectName(QStringLiteral("actionDialog"));
    setWindowTitle(tr("Issue a refund or credit"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("actionType"));
    m_type->addItem(tr("Refund an order"), QStringLiteral("refund"));
    m_type->addItem(tr("Credit the account"), QStringLiteral("credit"));
    m_order = new QComboBox(this);
    m_order->setObjectName(QStringLiteral("actionOrder"));
    addOrders(orders);
    m_amount = new QDoubleSpinBox(this);
    m_amount->setObjectName(QStringLiteral("actionAmount"));
    const auto [prefix, suffix] = display::moneyAffixes(m_currency);
    m_amount->setPrefix(prefix);
    m_amount->setSuffix(suffix);
    m_amount->setDecimals(2);
    m_amount->setRange(0.01, 1000000);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("actionReason"));
    m_reason->setMaxLength(500);
    m_reason->setPlaceholderText(tr("Why (for the ledger; the customer does not see it)"));

    auto *form = new QWidget(this);
    auto *formLayout = new QFormLayout(form);
    formLayout->addRow(tr("Action"), m_type);
    formLayout->addRow(tr("Order"), m_order);
    formLayout->addRow(tr("Amount"), m_amount);
    formLayout->addRow(tr("Reason"), m_reason);
    auto *formButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, form);
    m_review = formButtons->addButton(tr("Review…"), QDialogButtonBox::AcceptRole);
    m_review->setObjectName(QStringLiteral("actionReview"));
    formLayout->addRow(formButtons);
    connect(formButtons, &QDialogButtonBox::accepted, this, &ActionDialog::review);
    connect(formButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *confirmPage = new QWidget(this);
    m_summary = new QLabel(confirmPage);
    m_summary->setObjectName(QStringLiteral("actionSummary"));
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_summary->setFont(big);
    auto *confirmButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, confirmPage);
    QPushButton *yes = confirmButtons->addButton(tr("Confirm"), QDialogButtonBox::AcceptRole);
    yes->setObjectName(QStringLiteral("actionConfirm"));
    QPushButton *backButton = confirmButtons->addButton(tr("Back"), QDialogButtonBox::ResetRole);
    connect(confirmButtons, &QDialogButtonBox::accepted, this, &ActionDialog::confirm);
    connect(confirmButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(backButton, &QPushButton::clicked, this, &ActionDialog::back);
    auto *confirmLayout = new QVBoxLayout(confirmPage);
    confirmLayout->addWidget(m_summary, 1);
    confirmLayout->addWidget(confirmButtons);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(form);
    m_pages->addWidget(confirmPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ActionDialog::sync);
    connect(m_order, &QComboBox::currentIndexChanged, this, &ActionDialog::sync);
    sync();
    resize(440, sizeHint().height());
}

// Each order with what is left to refund on it; the first that has some is chosen.
void ActionDialog::addOrders(const QJsonArray &orders)
{
    auto *model = qobject_cast<QStandardItemModel *>(m_order->model());
    for (const QJsonValue &v : orders) {
        const QJsonObject o = v.toObject();
        const double left = refundable(o);
        m_order->addItem(tr("%1 · %2 · %3 left")
                             .arg(o.value(QLatin1String("id")).toString(),
                                 display::enumLabel(o.value(QLatin1String("status")).toString().toUpper()),
                                 display::money(left, m_currency)),
            o.value(QLatin1String("id")).toString());
        m_order->setItemData(m_order->count() - 1, left, Qt::UserRole + 1);
        if (left <= 0 && model) // nothing owed: shown for context, not pickable
            model->item(m_order->count() - 1)->setEnabled(false);
    }
    for (int i = 0; i < m_order->count(); ++i)
        if (m_order->itemData(i, Qt::UserRole + 1).toDouble() > 0) {
            m_order->setCurrentIndex(i);
            break;
        }
}

void ActionDialog::sync()
{
    const bool isRefund = type() == QLatin1String("refund");
    m_order->setEnabled(isRefund);
    if (isRefund) {
        const double left = m_order->currentData(Qt::UserRole + 1).toDouble();
        if (left > 0)
            m_amount->setValue(left); // the whole rest by default; the person lowers it
    }
    m_review->setEnabled(!isRefund || m_order->currentData(Qt::UserRole + 1).toDouble() > 0);
}

QString ActionDialog::type() const
{
    return m_type->currentData().toString();
}

QString ActionDialog::orderId() const
{
    return type() == QLatin1String("refund") ? m_order->currentData().toString() : QString();
}

double ActionDialog::amount() const
{
    return m_amount->value();
}

QString ActionDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ActionDialog::setType(const QString &type)
{
    m_type->setCurrentIndex(qMax(0, m_type->findData(type)));
}

void ActionDialog::setOrder(const QString &orderId)
{
    m_order->setCurrentIndex(qMax(0, m_order->findData(orderId)));
}

void ActionDialog::setAmount(double amount)
{
    m_amount->setValue(amount);
}

void ActionDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

QString ActionDialog::summary() const
{
    if (type() == QLatin1String("refund"))
        return tr("Refund %1 for %2 to %3?").arg(display::money(amount(), m_currency), orderId(), m_customer);
    return tr("Credit %1 to %2's account?").arg(display::money(amount(), m_currency), m_customer);
}

bool ActionDialog::confirming() const
{
    return m_pages->currentIndex() == 1;
}

void ActionDialog::review()
{
    if (!m_review->isEnabled())
        return;
    m_summary->setText(summary().toHtmlEscaped());
    m_pages->setCurrentIndex(1);
}

void ActionDialog::confirm()
{
    if (confirming())
        accept();
}

void ActionDialog::back()
{
    m_pages->setCurrentIndex(0);
}

} // namespace tierdesk::ui
