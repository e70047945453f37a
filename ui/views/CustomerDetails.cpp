#include "ui/views/CustomerDetails.h"

#include "ui/models/CustomersModel.h"
#include "ui/models/Display.h"
#include "ui/views/RowTable.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QLabel *valueLabel(const char *name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("font-weight:600; margin-top:8px;"));
    return label;
}

QString localTime(const QJsonValue &iso)
{
    return display::dateTimeOfMs(display::parseTime(iso.toString()));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

CustomerDetails::CustomerDetails(QWidget *parent) : QWidget(parent), m_sessions(new CustomerSessionsModel(this))
{
    setObjectName(QStringLiteral("customerDetails"));
    m_name = valueLabel("customerName", this);
    m_id = valueLabel("customerId", this);
    m_id->setStyleSheet(QStringLiteral("color:#6b7280;"));

    m_attributes = new QTableWidget(0, 2, this);
    m_attributes->setObjectName(QStringLiteral("customerAttributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Attribute"), tr("Value")});
    m_attributes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attributes->verticalHeader()->hide();
    m_attributes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_attributes->horizontalHeader()->setStretchLastSection(true);

    m_noAttributes = new QLabel(tr("None"), this);
    m_noAttributes->setObjectName(QStringLiteral("customerNoAttributes"));
    m_noAttributes->setStyleSheet(QStringLiteral("color:#6b7280;"));

    m_sessionsTitle = sectionTitle(tr("Conversations"), this);
    m_sessionTable = rowTable(m_sessions, QStringLiteral("customerSessions"), this);
    m_sessionTable->setToolTip(tr("Double-click a conversation to open it"));
    m_sessionTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sessionTable->horizontalHeader()->setStretchLastSection(true);
    m_sessionTable->setWordWrap(false);
    connect(m_sessionTable, &QTableView::doubleClicked, this,
        [this](const QModelIndex &index) { emit openSession(m_sessions->keyOf(index.row())); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_name);
    layout->addWidget(m_id);
    layout->addWidget(buildFields());
    layout->addWidget(sectionTitle(tr("Attributes"), this));
    layout->addWidget(m_attributes);
    layout->addWidget(m_noAttributes);
    layout->addWidget(m_sessionsTitle);
    layout->addWidget(m_sessionTable, 1);
    clear();
}

QWidget *CustomerDetails::buildFields()
{
    auto *fields = new QWidget(this);
    auto *form = new QFormLayout(fields);
    form->setContentsMargins(0, 4, 0, 0);
    m_email = valueLabel("customerEmail", fields);
    m_phone = valueLabel("customerPhone", fields);
    m_tier = valueLabel("customerTier", fields);
    m_value = valueLabel("customerValue", fields);
    m_subscription = valueLabel("customerSubscription", fields);
    m_credit = valueLabel("customerCredit", fields);
    m_since = valueLabel("customerSince", fields);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Tier"), m_tier);
    form->addRow(tr("Lifetime value"), m_value);
    form->addRow(tr("Subscription"), m_subscription);
    form->addRow(tr("Credit balance"), m_credit);
    form->addRow(tr("Customer since"), m_since);
    return fields;
}

void CustomerDetails::setCustomer(const QJsonObject &c)
{
    m_customer = c;
    const bool erased = isErased();
    m_name->setText(erased ? tr("Erased customer") : c.value(QLatin1String("name")).toString());
    m_id->setText(erased
            ? tr("%1 · personal data erased on %2").arg(customerId(), localTime(c.value(QLatin1String("erasedAt"))))
            : customerId());
    m_email->setText(orDash(c.value(QLatin1String("email")).toString()));
    m_phone->setText(orDash(c.value(QLatin1String("phone")).toString()));
    const QString tier = display::enumLabel(c.value(QLatin1String("tier")).toString());
    m_tier->setText(c.value(QLatin1String("isVIP")).toBool() ? tr("%1 · VIP").arg(tier) : orDash(tier));
    m_value->setText(display::money(c.value(QLatin1String("lifetimeValue")).toDouble(), m_currency));
    const QJsonObject sub = c.value(QLatin1String("subscription")).toObject();
    m_subscription->setText(sub.isEmpty()
            ? tr("None")
            : tr("%1 · %2 · %3 a month")
                  .arg(sub.value(QLatin1String("plan")).toString(),
                      CustomersModel::subscriptionStatus(sub.value(QLatin1String("status")).toString()),
                      display::money(sub.value(QLatin1String("monthlyPrice")).toDouble(), m_currency)));
    m_credit->setText(display::money(c.value(QLatin1String("creditBalance")).toDouble(), m_currency));
    m_since->setText(orDash(localTime(c.value(QLatin1String("createdAt")))));
    const QJsonObject attributes = c.value(QLatin1String("attributes")).toObject();
    m_attributes->setRowCount(0);
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const int row = m_attributes->rowCount();
        m_attributes->insertRow(row);
        m_attributes->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_attributes->setItem(row, 1, new QTableWidgetItem(it.value().toVariant().toString()));
    }
    m_sessions->setRows({});
    m_sessionsTitle->setText(tr("Conversations"));
    m_name->setStyleSheet(QStringLiteral("font-size:14pt; font-weight:600;"));
    for (QWidget *w : findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        w->setVisible(true);
    m_attributes->setVisible(!attributes.isEmpty());
    // As tall as its rows, up to six; more scroll.
    m_attributes->setFixedHeight(m_attributes->horizontalHeader()->sizeHint().height()
        + m_attributes->verticalHeader()->defaultSectionSize() * qMin(int(attributes.size()), 6)
        + 2 * m_attributes->frameWidth());
    m_noAttributes->setVisible(attributes.isEmpty());
}

void CustomerDetails::setSessions(const QJsonObject &body)
{
    const QJsonArray list = body.value(QLatin1String("sessions")).toArray();
    m_sessions->setRows(list);
    const int total = body.value(QLatin1String("total")).toInt();
    m_sessionsTitle->setText(list.size() < total ? tr("Conversations (the newest %1 of %2)").arg(list.size()).arg(total)
                                                 : tr("Conversations (%1)").arg(total));
}

void CustomerDetails::clear()
{
    m_customer = {};
    m_sessions->setRows({});
    m_attributes->setRowCount(0);
    for (QWidget *w : findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        w->setVisible(w == m_name);
    m_name->setStyleSheet(QStringLiteral("color:#6b7280;"));
    m_name->setText(tr("Choose a customer to see their details and conversations."));
}

} // namespace tierdesk::ui
