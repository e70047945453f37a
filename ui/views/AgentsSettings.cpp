#include "ui/views/AgentsSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/dialogs/PasswordHint.h"
#include "ui/models/AgentsModel.h"
#include "ui/views/ConfirmButton.h"

#include <QComboBox>
#include <QFormLayout>
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

AgentsSettings::AgentsSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new AgentsModel(this))
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("agentsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AgentsSettings::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AgentsSettings::selectionChanged);
    // A reload that brings back the same rows changes cells only (JsonRowsModel).
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AgentsSettings::selectionChanged);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("agentsMessage"));
    m_message->setWordWrap(true);

    auto *side = new QVBoxLayout;
    side->addWidget(buildCreateForm());
    side->addWidget(buildSelectedActions());
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    selectionChanged();
}

QWidget *AgentsSettings::buildCreateForm()
{
    auto *box = new QGroupBox(tr("New agent"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("agentName"));
    m_email = new QLineEdit(box);
    m_email->setObjectName(QStringLiteral("agentEmail"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_role = new QComboBox(box);
    m_role->setObjectName(QStringLiteral("agentRole"));
    m_role->addItem(tr("Agent"), QStringLiteral("agent"));
    m_role->addItem(tr("Supervisor"), QStringLiteral("supervisor"));
    m_role->addItem(tr("Admin"), QStringLiteral("admin"));
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("agentPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(PasswordHint::rule());
    m_password->setToolTip(PasswordHint::sentence());
    m_create = new QPushButton(tr("Create agent"), box);
    m_create->setObjectName(QStringLiteral("agentCreate"));
    connect(m_create, &QPushButton::clicked, this, &AgentsSettings::create);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_create);
    return box;
}

QWidget *AgentsSettings::buildSelectedActions()
{
    auto *box = new QGroupBox(tr("Selected agent"), this);
    m_active = new QPushButton(tr("Deactivate"), box);
    m_active->setObjectName(QStringLiteral("agentActive"));
    m_active->setToolTip(tr("A deactivated agent cannot log in; their sessions go back to the queue."));
    connect(m_active, &QPushButton::clicked, this, &AgentsSettings::toggleActive);
    m_newPassword = new QLineEdit(box);
    m_newPassword->setObjectName(QStringLiteral("agentNewPassword"));
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_newPassword->setPlaceholderText(tr("new password, %1").arg(PasswordHint::rule()));
    m_newPassword->setToolTip(PasswordHint::sentence());
    m_setPassword = new QPushButton(tr("Set password"), box);
    m_setPassword->setObjectName(QStringLiteral("agentSetPassword"));
    m_setPassword->setToolTip(tr("The agent is logged out everywhere and logs in with the new password."));
    connect(m_setPassword, &QPushButton::clicked, this, &AgentsSettings::setPassword);
    m_capacity = new QSpinBox(box);
    m_capacity->setObjectName(QStringLiteral("agentCapacity"));
    m_capacity->setRange(1, 50);
    m_capacity->setSuffix(tr(" conversations"));
    m_capacity->setToolTip(tr("How many conversations automatic assignment gives this agent at once."));
    m_setCapacity = new QPushButton(tr("Set capacity"), box);
    m_setCapacity->setObjectName(QStringLiteral("agentSetCapacity"));
    connect(m_setCapacity, &QPushButton::clicked, this, &AgentsSettings::setCapacity);
    m_endSessions = new ConfirmButton(tr("End sessions"), tr("Click again to sign them out"), box);
    m_endSessions->setObjectName(QStringLiteral("agentEndSessions"));
    m_endSessions->setToolTip(tr("The agent is signed out on every device at once."));
    connect(m_endSessions, &ConfirmButton::confirmed, this, &AgentsSettings::endSessions);
    m_removeFactor = new ConfirmButton(tr("Remove second factor"), tr("Click again to remove it"), box);
    m_removeFactor->setObjectName(QStringLiteral("agentRemoveFactor"));
    m_removeFactor->setToolTip(tr("For a lost phone: the agent signs in with the password alone, then sets up a "
                                  "new factor."));
    connect(m_removeFactor, &ConfirmButton::confirmed, this, &AgentsSettings::removeSecondFactor);
    auto *form = new QFormLayout(box);
    form->addRow(m_active);
    form->addRow(m_newPassword);
    form->addRow(m_setPassword);
    form->addRow(tr("Capacity"), m_capacity);
    form->addRow(m_setCapacity);
    form->addRow(m_endSessions);
    form->addRow(m_removeFactor);
    return box;
}

QString AgentsSettings::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->data(rows.first(), AgentsModel::IdRole).toString();
}

void AgentsSettings::refresh()
{
    const QString keep = selectedId();
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/agents"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_client.companyId()},
            {QStringLiteral("includeInactive"), QStringLiteral("true")}});
    connect(r, &ApiReply::succeeded, this, [this, keep](const QJsonObject &body) {
        m_model->setRows(body.value(QLatin1String("agents")).toArray());
        if (const int row = m_model->rowOf(keep); row >= 0)
            m_table->selectRow(row);
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::create()
{
    const QJsonObject body{{QStringLiteral("name"), m_name->text()}, {QStringLiteral("email"), m_email->text()},
        {QStringLiteral("role"), m_role->currentData().toString()}, {QStringLiteral("password"), m_password->text()}};
    m_create->setEnabled(false);
    ApiReply *r = m_client.send("POST", QStringLiteral("/api/cs/agents"), body, {}, true);
    connect(r, &ApiReply::finished, this, [this] { m_create->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &answer) {
        const QJsonObject agent = answer.value(QLatin1String("agent")).toObject();
        say(tr("Created %1 (%2). They can log in now.")
                .arg(agent.value(QLatin1String("name")).toString(), agent.value(QLatin1String("email")).toString()));
        m_name->clear();
        m_email->clear();
        m_password->clear();
        refresh();
    });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::toggleActive()
{
    const QString id = selectedId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const bool activate = !m_model->isActive(row);
    ApiReply *r = m_client.send(
        "PATCH", QStringLiteral("/api/cs/agents/") + id, {{QStringLiteral("active"), activate}}, {}, true);
    connect(r, &ApiReply::succeeded, this, [this, activate](const QJsonObject &answer) {
        const QJsonObject agent = answer.value(QLatin1String("agent")).toObject();
        const QString name = agent.value(QLatin1String("name")).toString();
        const int released = agent.value(QLatin1String("releasedSessions")).toInt();
        say(activate ? tr("%1 can log in again.").arg(name)
                     : tr("%1 is deactivated and logged out; %n session(s) went back to the queue.", nullptr, released)
                           .arg(name));
        refresh();
    });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::setPassword()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    ApiReply *r = m_client.send("POST", QStringLiteral("/api/cs/agents/%1/password").arg(id),
        {{QStringLiteral("password"), m_newPassword->text()}}, {}, true);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &answer) {
        m_newPassword->clear();
        say(tr("New password set for %1; they were logged out everywhere.")
                .arg(answer.value(QLatin1String("agent")).toObject().value(QLatin1String("name")).toString()));
    });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::setCapacity()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    ApiReply *r = m_client.setAgentCapacity(id, m_capacity->value());
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &answer) {
        const QJsonObject agent = answer.value(QLatin1String("agent")).toObject();
        say(tr(
            "%1 now takes up to %n conversation(s) at once.", nullptr, agent.value(QLatin1String("capacity")).toInt())
                .arg(agent.value(QLatin1String("name")).toString()));
        refresh();
    });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::endSessions()
{
    const QString id = selectedId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QString name = m_model->row(row).value(QLatin1String("name")).toString();
    ApiReply *r = m_client.endAgentSignInSessions(id);
    connect(r, &ApiReply::succeeded, this, [this, name] { say(tr("%1 is signed out everywhere.").arg(name)); });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::removeSecondFactor()
{
    const QString id = selectedId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QString name = m_model->row(row).value(QLatin1String("name")).toString();
    ApiReply *r = m_client.removeAgentMfa(id);
    connect(r, &ApiReply::succeeded, this, [this, name] {
        say(tr("%1's second factor is removed; their password alone signs them in until they set up a new one.")
                .arg(name));
        refresh();
    });
    connect(r, &ApiReply::failed, this, &AgentsSettings::sayError);
}

void AgentsSettings::selectionChanged()
{
    const int row = m_model->rowOf(selectedId());
    const bool me = row >= 0 && selectedId() == m_client.agentId();
    m_active->setEnabled(row >= 0 && !me);
    m_active->setText(row >= 0 && !m_model->isActive(row) ? tr("Reactivate") : tr("Deactivate"));
    m_newPassword->setEnabled(row >= 0);
    m_setPassword->setEnabled(row >= 0);
    m_capacity->setEnabled(row >= 0);
    m_setCapacity->setEnabled(row >= 0);
    m_endSessions->setEnabled(row >= 0 && !me); // one's own: Settings › Sign-in
    m_removeFactor->setEnabled(row >= 0 && m_model->hasSecondFactor(row));
    if (row >= 0)
        m_capacity->setValue(m_model->capacity(row));
}

void AgentsSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

void AgentsSettings::sayError(const ApiError &e)
{
    const QString field = e.details.value(QLatin1String("field")).toString();
    say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
}

} // namespace tierdesk::ui
