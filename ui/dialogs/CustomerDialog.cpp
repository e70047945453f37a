#include "ui/dialogs/CustomerDialog.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/CustomersModel.h"
#include "ui/models/Display.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

// A field with its error line below it, as one form row.
QWidget *withError(QWidget *field, QLabel *error)
{
    auto *box = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

QDoubleSpinBox *moneyBox(const char *name, double max, const QString &currency, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, max);
    box->setDecimals(2);
    const auto [prefix, suffix] = display::moneyAffixes(currency);
    box->setPrefix(prefix);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

CustomerDialog::CustomerDialog(ApiClient &client, const QJsonObject &customer, QWidget *parent)
    : QDialog(parent), m_client(client), m_new(customer.isEmpty())
{
    setObjectName(QStringLiteral("customerDialog"));
    setWindowTitle(m_new ? tr("New customer") : tr("Edit customer"));
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("customerDialogId"));
    m_id->setMaxLength(128);
    m_id->setReadOnly(!m_new);
    m_id->setToolTip(tr("The id your own systems know the customer by (letters, digits and . _ : @ -)"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("customerDialogName"));
    m_name->setMaxLength(200);
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("customerDialogEmail"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("customerDialogPhone"));
    m_phone->setPlaceholderText(tr("+49 30 1234567"));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("customerDialogTier"));
    m_tier->setEditable(true);
    m_tier->addItems(
        {QStringLiteral("STANDARD"), QStringLiteral("SILVER"), QStringLiteral("GOLD"), QStringLiteral("PLATINUM")});
    m_vip = new QCheckBox(tr("&VIP"), this);
    m_vip->setObjectName(QStringLiteral("customerDialogVip"));
    m_value = moneyBox("customerDialogValue", 1e12, m_client.currency(), this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Id"), withError(m_id, errorLabel(QStringLiteral("id"))));
    form->addRow(tr("&Name"), withError(m_name, errorLabel(QStringLiteral("name"))));
    form->addRow(tr("&E-mail"), withError(m_email, errorLabel(QStringLiteral("email"))));
    form->addRow(tr("&Phone"), withError(m_phone, errorLabel(QStringLiteral("phone"))));
    form->addRow(tr("&Tier"), withError(m_tier, errorLabel(QStringLiteral("tier"))));
    form->addRow(QString(), withError(m_vip, errorLabel(QStringLiteral("isVIP"))));
    form->addRow(tr("&Lifetime value"), withError(m_value, errorLabel(QStringLiteral("lifetimeValue"))));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("customerDialogError"));
    m_error->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("customerDialogSave"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomerDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildSubscription());
    layout->addWidget(buildAttributes(), 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    fill(customer);
    resize(520, 640);
}

QWidget *CustomerDialog::buildSubscription()
{
    m_subscription = new QGroupBox(tr("&Subscription"), this);
    m_subscription->setObjectName(QStringLiteral("customerDialogSubscription"));
    m_subscription->setCheckable(true);
    m_plan = new QLineEdit(m_subscription);
    m_plan->setObjectName(QStringLiteral("customerDialogPlan"));
    m_plan->setMaxLength(64);
    m_status = new QComboBox(m_subscription);
    m_status->setObjectName(QStringLiteral("customerDialogSubscriptionStatus"));
    for (const char *s : {"active", "paused", "cancelled"})
        m_status->addItem(CustomersModel::subscriptionStatus(QLatin1String(s)), QLatin1String(s));
    m_price = moneyBox("customerDialogPrice", 1e9, m_client.currency(), m_subscription);
    auto *form = new QFormLayout(m_subscription);
    form->addRow(tr("Plan"), m_plan);
    form->addRow(tr("Status"), m_status);
    form->addRow(tr("Monthly price"), m_price);
    form->addRow(errorLabel(QStringLiteral("subscription")));
    return m_subscription;
}

QWidget *CustomerDialog::buildAttributes()
{
    auto *box = new QGroupBox(tr("&Attributes"), this);
    m_attributes = new QTableWidget(0, 2, box);
    m_attributes->setObjectName(QStringLiteral("customerDialogAttributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Attribute"), tr("Value")});
    m_attributes->verticalHeader()->hide();
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_attributes->setColumnWidth(0, 160);
    auto *add = new QPushButton(tr("Add attribute"), box);
    add->setObjectName(QStringLiteral("customerDialogAddAttribute"));
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("customerDialogRemoveAttribute"));
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_attributes->rowCount();
        m_attributes->insertRow(row);
        m_attributes->setItem(row, 0, new QTableWidgetItem);
        m_attributes->setItem(row, 1, new QTableWidgetItem);
        m_attributes->editItem(m_attributes->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() >= 0)
            m_attributes->removeRow(m_attributes->currentRow());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_attributes, 1);
    layout->addLayout(buttons);
    layout->addWidget(errorLabel(QStringLiteral("attributes")));
    return box;
}

QLabel *CustomerDialog::errorLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("customerDialogError_") + field);
    label->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    label->setWordWrap(true);
    label->hide();
    m_fieldErrors.insert(field, label);
    return label;
}

void CustomerDialog::fill(const QJsonObject &c)
{
    m_id->setText(m_new ? QStringLiteral("cus_") + QUuid::createUuid().toString(QUuid::Id128).left(12)
                        : c.value(QLatin1String("id")).toString());
    m_name->setText(c.value(QLatin1String("name")).toString());
    m_email->setText(c.value(QLatin1String("email")).toString());
    m_phone->setText(c.value(QLatin1String("phone")).toString());
    m_tier->setCurrentText(c.value(QLatin1String("tier")).toString(QStringLiteral("STANDARD")));
    m_vip->setChecked(c.value(QLatin1String("isVIP")).toBool());
    m_value->setValue(c.value(QLatin1String("lifetimeValue")).toDouble());
    const QJsonObject sub = c.value(QLatin1String("subscription")).toObject();
    m_subscription->setChecked(!sub.isEmpty());
    m_plan->setText(sub.value(QLatin1String("plan")).toString());
    m_status->setCurrentIndex(qMax(0, m_status->findData(sub.value(QLatin1String("status")).toString())));
    m_price->setValue(sub.value(QLatin1String("monthlyPrice")).toDouble());
    m_originalAttributes = c.value(QLatin1String("attributes")).toObject();
    for (auto it = m_originalAttributes.begin(); it != m_originalAttributes.end(); ++it) {
        const int row = m_attributes->rowCount();
        m_attributes->insertRow(row);
        m_attributes->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_attributes->setItem(row, 1, new QTableWidgetItem(it.value().toVariant().toString()));
    }
}

QString CustomerDialog::customerId() const
{
    return m_id->text().trimmed();
}

QJsonObject CustomerDialog::attributes() const
{
    QJsonObject out;
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QString key = m_attributes->item(row, 0) ? m_attributes->item(row, 0)->text().trimmed() : QString();
        const QString value = m_attributes->item(row, 1) ? m_attributes->item(row, 1)->text() : QString();
        if (key.isEmpty() && value.isEmpty())
            continue;
        // A value left as it was keeps its type (a number stays a number); an edited one is text.
        const QJsonValue original = m_originalAttributes.value(key);
        out.insert(key, !original.isUndefined() && original.toVariant().toString() == value ? original : value);
    }
    return out;
}

QJsonObject CustomerDialog::fields() const
{
    QJsonObject body{{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("tier"), m_tier->currentText().trimmed()}, {QStringLiteral("isVIP"), m_vip->isChecked()},
        {QStringLiteral("lifetimeValue"), m_value->value()}, {QStringLiteral("attributes"), attributes()}};
    if (const QString email = m_email->text().trimmed(); !email.isEmpty())
        body.insert(QStringLiteral("email"), email);
    if (const QString phone = m_phone->text().trimmed(); !phone.isEmpty())
        body.insert(QStringLiteral("phone"), phone);
    // Unchecked: no subscription (null removes a stored one).
    body.insert(QStringLiteral("subscription"),
        m_subscription->isChecked() ? QJsonValue(QJsonObject{{QStringLiteral("plan"), m_plan->text().trimmed()},
            {QStringLiteral("status"), m_status->currentData().toString()},
            {QStringLiteral("monthlyPrice"), m_price->value()}})
                                    : QJsonValue(QJsonValue::Null));
    return body;
}

QString CustomerDialog::errorOf(const QString &field) const
{
    const QLabel *label = m_fieldErrors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void CustomerDialog::save()
{
    clearErrors();
    QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setEnabled(false);
    ApiReply *r = m_client.saveCustomer(customerId(), fields());
    connect(r, &ApiReply::finished, this, [saveButton] { saveButton->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &customer) {
        emit saved(customer);
        accept();
    });
    connect(r, &ApiReply::failed, this, &CustomerDialog::showError);
}

void CustomerDialog::showError(const ApiError &e)
{
    QLabel *label = m_fieldErrors.value(e.details.value(QLatin1String("field")).toString());
    if (!label)
        label = m_error;
    label->setText(e.message);
    label->show();
}

void CustomerDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_fieldErrors))
        label->hide();
    m_error->hide();
}

} // namespace tierdesk::ui
