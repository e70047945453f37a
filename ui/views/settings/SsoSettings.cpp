#include "ui/views/settings/SsoSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/views/settings/Named.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {

SsoSettings::SsoSettings(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_issuer = named(new QLineEdit(this), "ssoIssuer");
    m_issuer->setPlaceholderText(tr("https://login.example.com"));
    m_clientId = named(new QLineEdit(this), "ssoClientId");
    m_clientSecret = named(new QLineEdit(this), "ssoClientSecret");
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_domains = named(new QLineEdit(this), "ssoDomains");
    m_domains->setPlaceholderText(tr("example.com, example.org"));
    m_roleClaim = named(new QLineEdit(this), "ssoRoleClaim");
    m_roleClaim->setPlaceholderText(tr("groups"));
    m_defaultRole = named(roleCombo(this), "ssoDefaultRole");
    m_createAgents = named(new QCheckBox(tr("Create an agent for a person of these domains signing in the first "
                                            "time"),
                               this),
        "ssoCreateAgents");
    m_passwordLogin = named(new QCheckBox(tr("Passwords still work for people of these domains"), this), "ssoPassword");
    auto *breakGlass = new QLabel(tr("Keep one admin who signs in with a password (a break-glass account): if the "
                                     "identity provider is down or misconfigured, they can still sign in and fix "
                                     "this page."),
        this);
    breakGlass->setWordWrap(true);
    breakGlass->setStyleSheet(QStringLiteral("color:#6b7280;"));
    m_save = named(new QPushButton(tr("Save single sign-on"), this), "ssoSave");
    connect(m_save, &QPushButton::clicked, this, &SsoSettings::save);
    m_message = named(new QLabel(this), "ssoMessage");
    m_message->setWordWrap(true);
    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("Issuer"), m_issuer, QStringLiteral("issuer"));
    m_errors.addRow(form, tr("Client id"), m_clientId, QStringLiteral("clientId"));
    m_errors.addRow(form, tr("Client secret"), m_clientSecret, QStringLiteral("clientSecret"));
    m_errors.addRow(form, tr("Allowed e-mail domains"), m_domains, QStringLiteral("allowedDomains"));
    m_errors.addRow(form, tr("Role claim"), m_roleClaim, QStringLiteral("roleClaim"));
    m_errors.addRow(form, tr("Role map"), buildRoleMap(), QStringLiteral("roleMap"));
    m_errors.addRow(form, tr("Default role"), m_defaultRole, QStringLiteral("defaultRole"));
    form->addRow(QString(), m_errors.wrap(m_createAgents, QStringLiteral("createAgents")));
    form->addRow(QString(), m_errors.wrap(m_passwordLogin, QStringLiteral("passwordLogin")));
    form->addRow(QString(), breakGlass);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    auto *end = new QHBoxLayout;
    end->addWidget(m_save);
    end->addWidget(m_message, 1);
    layout->addLayout(end);
}

QComboBox *SsoSettings::roleCombo(QWidget *parent) const
{
    auto *combo = new QComboBox(parent);
    combo->addItem(tr("Agent"), QStringLiteral("agent"));
    combo->addItem(tr("Supervisor"), QStringLiteral("supervisor"));
    combo->addItem(tr("Admin"), QStringLiteral("admin"));
    return combo;
}

QWidget *SsoSettings::buildRoleMap()
{
    auto *box = new QWidget(this);
    m_roleMap = named(new QTableWidget(0, 2, box), "ssoRoleMap");
    m_roleMap->setHorizontalHeaderLabels({tr("Claim value"), tr("Role")});
    m_roleMap->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_roleMap->verticalHeader()->hide();
    m_roleMap->setMinimumHeight(110);
    auto *add = named(new QPushButton(tr("Add"), box), "ssoRoleMapAdd");
    connect(add, &QPushButton::clicked, this, [this] {
        addRoleMapRow({}, QStringLiteral("agent"));
        m_roleMap->editItem(m_roleMap->item(m_roleMap->rowCount() - 1, 0));
    });
    auto *remove = named(new QPushButton(tr("Remove"), box), "ssoRoleMapRemove");
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_roleMap->currentRow() >= 0)
            m_roleMap->removeRow(m_roleMap->currentRow());
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_roleMap, 1);
    row->addLayout(buttons);
    return box;
}

void SsoSettings::addRoleMapRow(const QString &claimValue, const QString &role)
{
    const int row = m_roleMap->rowCount();
    m_roleMap->insertRow(row);
    m_roleMap->setItem(row, 0, new QTableWidgetItem(claimValue));
    QComboBox *combo = roleCombo(m_roleMap);
    combo->setCurrentIndex(qMax(0, combo->findData(role)));
    m_roleMap->setCellWidget(row, 1, combo);
}

void SsoSettings::refresh()
{
    m_errors.clear();
    ApiReply *r = m_client.oidcSettings();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        setSettings(body);
        say({});
        emit loaded();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        setSettings({}); // 404: none is set yet
        say(e.status == 404 ? tr("Not set up: people sign in with their passwords.") : e.message, e.status != 404);
        emit loaded();
    });
}

void SsoSettings::setSettings(const QJsonObject &s)
{
    m_issuer->setText(s.value(QLatin1String("issuer")).toString());
    m_clientId->setText(s.value(QLatin1String("clientId")).toString());
    m_clientSecret->clear();
    m_hasSecret = s.value(QLatin1String("hasClientSecret")).toBool();
    m_clientSecret->setPlaceholderText(m_hasSecret ? tr("kept (type to replace)") : QString());
    QStringList domains;
    for (const QJsonValue &d : s.value(QLatin1String("allowedDomains")).toArray())
        domains << d.toString();
    m_domains->setText(domains.join(QLatin1String(", ")));
    m_roleClaim->setText(s.value(QLatin1String("roleClaim")).toString());
    m_roleMap->setRowCount(0);
    const QJsonObject map = s.value(QLatin1String("roleMap")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        addRoleMapRow(it.key(), it.value().toString());
    m_defaultRole->setCurrentIndex(qMax(0, m_defaultRole->findData(s.value(QLatin1String("defaultRole")).toString())));
    m_createAgents->setChecked(s.value(QLatin1String("createAgents")).toBool());
    m_passwordLogin->setChecked(s.value(QLatin1String("passwordLogin")).toBool(true));
}

QJsonObject SsoSettings::settings() const
{
    QJsonArray domains;
    for (const QString &d : m_domains->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        domains.append(d.trimmed().toLower());
    QJsonObject map;
    for (int row = 0; row < m_roleMap->rowCount(); ++row) {
        const QString value = m_roleMap->item(row, 0) ? m_roleMap->item(row, 0)->text().trimmed() : QString();
        if (const auto *combo = qobject_cast<QComboBox *>(m_roleMap->cellWidget(row, 1)); combo && !value.isEmpty())
            map.insert(value, combo->currentData().toString());
    }
    QJsonObject out{{QStringLiteral("issuer"), m_issuer->text().trimmed()},
        {QStringLiteral("clientId"), m_clientId->text().trimmed()}, {QStringLiteral("allowedDomains"), domains},
        {QStringLiteral("defaultRole"), m_defaultRole->currentData().toString()},
        {QStringLiteral("createAgents"), m_createAgents->isChecked()},
        {QStringLiteral("passwordLogin"), m_passwordLogin->isChecked()}};
    // Write-only: left empty, the secret the server has stays.
    if (!m_clientSecret->text().isEmpty())
        out.insert(QStringLiteral("clientSecret"), m_clientSecret->text());
    if (!m_roleClaim->text().trimmed().isEmpty()) {
        out.insert(QStringLiteral("roleClaim"), m_roleClaim->text().trimmed());
        out.insert(QStringLiteral("roleMap"), map);
    }
    return out;
}

void SsoSettings::save()
{
    m_errors.clear();
    m_save->setEnabled(false);
    ApiReply *r = m_client.putOidcSettings(settings());
    connect(r, &ApiReply::finished, this, [this] { m_save->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        if (!body.isEmpty())
            setSettings(body);
        else
            m_clientSecret->clear();
        say(tr("Saved. People of these domains can sign in with single sign-on now."));
        emit saved(true);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        if (m_errors.show(e).isEmpty())
            say(e.message, true);
        else
            say(tr("Not saved: see the field marked above."), true);
        emit saved(false);
    });
}

void SsoSettings::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    m_message->setText(text);
}

} // namespace tierdesk::ui
