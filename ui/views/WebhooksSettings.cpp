#include "ui/views/WebhooksSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/WebhooksModel.h"
#include "ui/views/ConfirmButton.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QTableView *rowTable(const QString &name, QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    return table;
}

} // namespace

WebhooksSettings::WebhooksSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new WebhooksModel(this)), m_deliveries(new DeliveriesModel(this))
{
    m_table = rowTable(QStringLiteral("webhooksTable"), m_model, this);
    m_deliveryTable = rowTable(QStringLiteral("deliveriesTable"), m_deliveries, this);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WebhooksSettings::showDeliveries);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WebhooksSettings::showDeliveries);
    // A reload that brings back the same rows changes cells only (JsonRowsModel).
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WebhooksSettings::showDeliveries);
    m_delete = new ConfirmButton(tr("Delete"), tr("Click again to delete"), this);
    m_delete->setObjectName(QStringLiteral("webhookDelete"));
    connect(m_delete, &ConfirmButton::confirmed, this, &WebhooksSettings::remove);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("webhooksMessage"));
    m_message->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 2);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_delete);
    actions->addStretch(1);
    left->addLayout(actions);
    left->addWidget(new QLabel(tr("Recent deliveries of the selected webhook"), this));
    left->addWidget(m_deliveryTable, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(buildCreateForm());
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    showDeliveries();
}

QWidget *WebhooksSettings::buildCreateForm()
{
    auto *box = new QGroupBox(tr("New webhook"), this);
    m_url = new QLineEdit(box);
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(tr("https://example.com/hooks/tierdesk"));
    m_secret = new QLineEdit(box);
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("signing secret"));
    auto *events = new QVBoxLayout;
    for (const char *name : {"session.created", "session.escalated", "session.resolved", "session.abandoned"}) {
        auto *box = new QCheckBox(QLatin1String(name), this);
        box->setObjectName(QStringLiteral("webhookEvent_") + QLatin1String(name));
        box->setChecked(true);
        events->addWidget(box);
        m_events << box;
    }
    m_create = new QPushButton(tr("Add webhook"), box);
    m_create->setObjectName(QStringLiteral("webhookCreate"));
    connect(m_create, &QPushButton::clicked, this, &WebhooksSettings::create);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Address"), m_url);
    form->addRow(tr("Secret"), m_secret);
    form->addRow(tr("Events"), events);
    form->addRow(QString(), m_create);
    return box;
}

QString WebhooksSettings::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->data(rows.first(), WebhooksModel::IdRole).toString();
}

void WebhooksSettings::refresh()
{
    const QString keep = selectedId();
    ApiReply *r = m_client.send(
        "GET", QStringLiteral("/api/cs/webhooks"), {}, QUrlQuery{{QStringLiteral("companyId"), m_client.companyId()}});
    connect(r, &ApiReply::succeeded, this, [this, keep](const QJsonObject &body) {
        m_model->setRows(body.value(QLatin1String("webhooks")).toArray());
        if (const int row = m_model->rowOf(keep); row >= 0)
            m_table->selectRow(row);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &WebhooksSettings::sayError);
}

void WebhooksSettings::create()
{
    QJsonArray events;
    for (const QCheckBox *box : std::as_const(m_events))
        if (box->isChecked())
            events.append(box->text());
    const QJsonObject body{{QStringLiteral("companyId"), m_client.companyId()},
        {QStringLiteral("url"), m_url->text().trimmed()}, {QStringLiteral("events"), events},
        {QStringLiteral("secret"), m_secret->text()}};
    m_create->setEnabled(false);
    ApiReply *r = m_client.send("POST", QStringLiteral("/api/cs/webhooks"), body, {}, true);
    connect(r, &ApiReply::finished, this, [this] { m_create->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &hook) {
        say(tr("Webhook added: %1").arg(hook.value(QLatin1String("url")).toString()));
        m_url->clear();
        m_secret->clear();
        refresh();
    });
    connect(r, &ApiReply::failed, this, &WebhooksSettings::sayError);
}

void WebhooksSettings::remove()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    ApiReply *r = m_client.send("DELETE", QStringLiteral("/api/cs/webhooks/") + id);
    connect(r, &ApiReply::succeeded, this, [this] {
        say(tr("Webhook deleted."));
        refresh();
    });
    connect(r, &ApiReply::failed, this, &WebhooksSettings::sayError);
}

void WebhooksSettings::showDeliveries()
{
    const QString id = selectedId();
    m_delete->disarm();
    m_delete->setEnabled(!id.isEmpty());
    if (id.isEmpty()) {
        m_deliveries->setRows({});
        return;
    }
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/webhooks/%1/deliveries").arg(id));
    connect(r, &ApiReply::succeeded, this, [this, id](const QJsonObject &body) {
        if (selectedId() == id) // the answer to an older selection is dropped
            m_deliveries->setRows(body.value(QLatin1String("deliveries")).toArray());
        emit deliveriesLoaded();
    });
    connect(r, &ApiReply::failed, this, &WebhooksSettings::sayError);
}

void WebhooksSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void WebhooksSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
