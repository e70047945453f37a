#include "ui/views/TokensSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/models/TokensModel.h"
#include "ui/views/ConfirmButton.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {

TokensSettings::TokensSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new TokensModel(this))
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("tokensTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TokensSettings::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TokensSettings::selectionChanged);
    // A reload that brings back the same rows changes cells only (JsonRowsModel).
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TokensSettings::selectionChanged);

    m_revoke = new ConfirmButton(tr("Revoke"), tr("Click again to revoke"), this);
    m_revoke->setObjectName(QStringLiteral("tokenRevoke"));
    m_revoke->setToolTip(tr("The token stops working at once."));
    connect(m_revoke, &ConfirmButton::confirmed, this, &TokensSettings::revoke);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("tokensMessage"));
    m_message->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_revoke);
    actions->addStretch(1);
    left->addLayout(actions);
    auto *side = new QVBoxLayout;
    side->addWidget(buildCreateForm());
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSecretBox());
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    selectionChanged();
}

QWidget *TokensSettings::buildCreateForm()
{
    auto *box = new QGroupBox(tr("New API token"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("tokenName"));
    m_name->setPlaceholderText(tr("what uses it, e.g. CRM sync"));
    m_role = new QComboBox(box);
    m_role->setObjectName(QStringLiteral("tokenRole"));
    m_role->addItem(tr("Client (one customer)"), QStringLiteral("client"));
    m_role->addItem(tr("Agent"), QStringLiteral("agent"));
    m_role->addItem(tr("Supervisor"), QStringLiteral("supervisor"));
    m_role->addItem(tr("Admin"), QStringLiteral("admin"));
    m_role->setCurrentIndex(1);
    m_customer = new QLineEdit(box);
    m_customer->setObjectName(QStringLiteral("tokenCustomer"));
    m_customer->setPlaceholderText(tr("customer id"));
    m_days = new QSpinBox(box);
    m_days->setObjectName(QStringLiteral("tokenDays"));
    m_days->setRange(1, 366);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    m_create = new QPushButton(tr("Create token"), box);
    m_create->setObjectName(QStringLiteral("tokenCreate"));
    connect(m_create, &QPushButton::clicked, this, &TokensSettings::create);
    const auto customerFollowsRole
        = [this] { m_customer->setEnabled(m_role->currentData() == QLatin1String("client")); };
    connect(m_role, &QComboBox::currentIndexChanged, this, customerFollowsRole);
    customerFollowsRole();
    auto *form = new QFormLayout(box);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Customer"), m_customer);
    form->addRow(tr("Valid for"), m_days);
    form->addRow(QString(), m_create);
    return box;
}

QWidget *TokensSettings::buildSecretBox()
{
    m_secretBox = new QFrame(this);
    m_secretBox->setObjectName(QStringLiteral("tokenSecretBox"));
    m_secretBox->setStyleSheet(QStringLiteral("#tokenSecretBox{background:#fff1c2; border:1px solid #e8c55c;}"));
    auto *warning = new QLabel(tr("Copy the new token now: it will not be shown again."), m_secretBox);
    warning->setObjectName(QStringLiteral("tokenWarning"));
    warning->setStyleSheet(QStringLiteral("font-weight:bold; color:#5c4300;"));
    m_secret = new QLineEdit(m_secretBox);
    m_secret->setObjectName(QStringLiteral("tokenSecret"));
    m_secret->setReadOnly(true);
    m_copy = new QPushButton(tr("Copy"), m_secretBox);
    m_copy->setObjectName(QStringLiteral("tokenCopy"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_secret->text());
        say(tr("Token copied to the clipboard."));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);
    auto *layout = new QVBoxLayout(m_secretBox);
    layout->addWidget(warning);
    layout->addLayout(row);
    m_secretBox->hide();
    return m_secretBox;
}

QString TokensSettings::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->data(rows.first(), TokensModel::IdRole).toString();
}

QString TokensSettings::shownToken() const
{
    return m_secretBox->isHidden() ? QString() : m_secret->text();
}

void TokensSettings::refresh()
{
    const QString keep = selectedId();
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/tokens"));
    connect(r, &ApiReply::succeeded, this, [this, keep](const QJsonObject &body) {
        m_model->setRows(body.value(QLatin1String("tokens")).toArray());
        if (const int row = m_model->rowOf(keep); row >= 0)
            m_table->selectRow(row);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &TokensSettings::sayError);
}

void TokensSettings::create()
{
    QJsonObject body{{QStringLiteral("name"), m_name->text()},
        {QStringLiteral("role"), m_role->currentData().toString()},
        {QStringLiteral("ttlSeconds"), m_days->value() * 86400}};
    if (m_customer->isEnabled())
        body.insert(QStringLiteral("customerId"), m_customer->text().trimmed());
    m_create->setEnabled(false);
    ApiReply *r = m_client.send("POST", QStringLiteral("/api/cs/tokens"), body, {}, true);
    connect(r, &ApiReply::finished, this, [this] { m_create->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &answer) {
        m_secret->setText(answer.value(QLatin1String("token")).toString());
        m_secretBox->show();
        m_name->clear();
        say(tr("Token \"%1\" created.").arg(answer.value(QLatin1String("name")).toString()));
        refresh();
    });
    connect(r, &ApiReply::failed, this, &TokensSettings::sayError);
}

void TokensSettings::revoke()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    ApiReply *r = m_client.send("DELETE", QStringLiteral("/api/cs/tokens/") + id);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &answer) {
        say(tr("Token \"%1\" revoked: it no longer works.").arg(answer.value(QLatin1String("name")).toString()));
        refresh();
    });
    connect(r, &ApiReply::failed, this, &TokensSettings::sayError);
}

void TokensSettings::selectionChanged()
{
    const int row = m_model->rowOf(selectedId());
    m_revoke->disarm();
    m_revoke->setEnabled(row >= 0 && !m_model->isRevoked(row));
}

void TokensSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void TokensSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
