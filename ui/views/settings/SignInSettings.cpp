#include "ui/views/settings/SignInSettings.h"

#include "ui/client/ApiClient.h"
#include "ui/dialogs/MfaSetupDialog.h"
#include "ui/dialogs/MfaSetupPanel.h"
#include "ui/models/SignInSessionsModel.h"
#include "ui/views/ConfirmButton.h"
#include "ui/views/settings/Named.h"
#include "ui/views/settings/SsoSettings.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QLabel *messageLine(QWidget *parent, const char *name)
{
    auto *label = named(new QLabel(parent), name);
    label->setWordWrap(true);
    return label;
}

} // namespace

SignInSettings::SignInSettings(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new SignInSessionsModel(this))
{
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);
    column->addWidget(buildFactor());
    column->addWidget(buildSessions());
    column->addWidget(buildCompany());
    column->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    // The agent's factor comes with every /auth/me (and after a setup or removal).
    connect(&m_client, &ApiClient::agentChanged, this, &SignInSettings::showFactor);
    connect(&m_client, &ApiClient::configChanged, this, &SignInSettings::showRequirement);
}

QWidget *SignInSettings::buildFactor()
{
    auto *box = new QGroupBox(tr("Second factor"), this);
    m_factorStatus = named(new QLabel(box), "signInFactorStatus");
    m_factorStatus->setWordWrap(true);
    m_setUp = named(new QPushButton(tr("Set up…"), box), "signInFactorSetUp");
    connect(m_setUp, &QPushButton::clicked, this, &SignInSettings::setUp);
    m_removeCode = named(new QLineEdit(box), "signInFactorRemoveCode");
    m_removeCode->setPlaceholderText(tr("a code from your app, or a recovery code"));
    m_remove = named(new QPushButton(tr("Remove"), box), "signInFactorRemove");
    connect(m_remove, &QPushButton::clicked, this, &SignInSettings::removeFactor);
    m_factorMessage = messageLine(box, "signInFactorMessage");
    auto *row = new QHBoxLayout;
    row->addWidget(m_setUp);
    row->addStretch(1);
    row->addWidget(m_removeCode, 2);
    row->addWidget(m_remove);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_factorStatus);
    layout->addLayout(row);
    layout->addWidget(m_factorMessage);
    return box;
}

QWidget *SignInSettings::buildSessions()
{
    auto *box = new QGroupBox(tr("Your sessions"), this);
    m_table = named(new QTableView(box), "signInSessionsTable");
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(150);
    m_endSession = named(new QPushButton(tr("End session"), box), "signInEndSession");
    m_endSession->setToolTip(tr("That device is signed out at once."));
    connect(m_endSession, &QPushButton::clicked, this, &SignInSettings::endSelectedSession);
    m_endOthers
        = named(new ConfirmButton(tr("End all other sessions"), tr("Click again to end them"), box), "signInEndOthers");
    connect(m_endOthers, &ConfirmButton::confirmed, this, &SignInSettings::endOtherSessions);
    const auto follow = [this] {
        const int row = m_model->rowOf(selectedSessionId());
        m_endSession->setEnabled(row >= 0 && !m_model->isCurrent(row));
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, follow);
    connect(m_model, &QAbstractItemModel::modelReset, this, follow);
    m_sessionsMessage = messageLine(box, "signInSessionsMessage");
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_endSession);
    buttons->addWidget(m_endOthers);
    buttons->addWidget(m_sessionsMessage, 1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    follow();
    return box;
}

QWidget *SignInSettings::buildCompany()
{
    m_companyBox = new QGroupBox(tr("The company's sign-in"), this);
    m_requireMfa = named(new QCheckBox(tr("Require a second factor for everyone"), m_companyBox), "signInRequireMfa");
    m_requireMfa->setToolTip(tr("Whoever signs in with a password and has none sets one up before the console "
                                "opens."));
    connect(m_requireMfa, &QCheckBox::clicked, this, &SignInSettings::setRequireMfa);
    m_companyMessage = messageLine(m_companyBox, "signInCompanyMessage");
    m_sso = new SsoSettings(m_client, m_companyBox);
    auto *ssoTitle = new QLabel(tr("<b>Single sign-on (OpenID Connect)</b>"), m_companyBox);
    auto *layout = new QVBoxLayout(m_companyBox);
    layout->addWidget(m_requireMfa);
    layout->addWidget(m_companyMessage);
    layout->addSpacing(8);
    layout->addWidget(ssoTitle);
    layout->addWidget(m_sso);
    return m_companyBox;
}

void SignInSettings::refresh()
{
    const bool admin = m_client.agent().value(QLatin1String("role")).toString() == QLatin1String("admin");
    m_companyBox->setVisible(admin);
    showFactor();
    loadSessions();
    // auth.requireMfa, read without configChanged: the other pages need not reload for it.
    ApiReply *r = m_client.send(
        "GET", QStringLiteral("/api/cs/config"), {}, QUrlQuery{{QStringLiteral("companyId"), m_client.companyId()}});
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &config) { showRequirement(config); });
    if (admin)
        m_sso->refresh();
}

void SignInSettings::showRequirement(const QJsonObject &config)
{
    m_required = config.value(QLatin1String("auth")).toObject().value(QLatin1String("requireMfa")).toBool();
    m_requireMfa->setChecked(m_required);
    showFactor();
}

void SignInSettings::showFactor()
{
    const bool on = m_client.agent().value(QLatin1String("mfa")).toObject().value(QLatin1String("enabled")).toBool();
    m_factorStatus->setText(on ? tr("<b>On.</b> Every sign-in with your password also asks for a code from your "
                                    "authenticator app.")
                               : tr("<b>Off.</b> A second factor asks for a code from an app on your phone at every "
                                    "sign-in with your password, so a stolen password alone is not enough."));
    m_setUp->setVisible(!on);
    m_removeCode->setVisible(on);
    m_remove->setVisible(on);
    m_removeCode->setEnabled(!m_required);
    m_remove->setEnabled(!m_required);
    m_remove->setToolTip(m_required ? tr("Your company requires a second factor.") : QString());
}

void SignInSettings::setUp()
{
    if (!m_setupDialog) {
        m_setupDialog = new MfaSetupDialog(m_client, this);
        m_setupDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_setupDialog, &QDialog::accepted, this,
            [this] { say(m_factorMessage, tr("Your second factor is on; it is asked at your next sign-in.")); });
    }
    m_setupDialog->open();
    m_setupDialog->panel()->start();
}

void SignInSettings::removeFactor()
{
    if (m_removeCode->text().trimmed().isEmpty())
        return say(m_factorMessage, tr("Enter a code from your app to remove it."), true);
    m_remove->setEnabled(false);
    ApiReply *r = m_client.removeMfa(m_removeCode->text());
    connect(r, &ApiReply::finished, this, [this] { m_remove->setEnabled(!m_required); });
    connect(r, &ApiReply::succeeded, this, [this] {
        m_removeCode->clear();
        say(m_factorMessage, tr("Removed: your password alone signs you in now."));
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        say(m_factorMessage,
            e.status == 409 ? tr("Your company requires a second factor.")
                : e.details.value(QLatin1String("field")).toString() == QLatin1String("code") || e.status == 401
                ? tr("That code is not right.")
                : e.message,
            true);
    });
}

QString SignInSettings::selectedSessionId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->data(rows.first(), SignInSessionsModel::IdRole).toString();
}

void SignInSettings::loadSessions()
{
    ApiReply *r = m_client.signInSessions();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_model->setRows(body.value(QLatin1String("sessions")).toArray());
        emit sessionsLoaded();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(m_sessionsMessage, e.message, true); });
}

void SignInSettings::endSelectedSession()
{
    const QString id = selectedSessionId();
    const int row = m_model->rowOf(id);
    if (row < 0 || m_model->isCurrent(row))
        return;
    ApiReply *r = m_client.endSignInSession(id);
    connect(r, &ApiReply::succeeded, this, [this] {
        say(m_sessionsMessage, tr("Ended: that device is signed out."));
        loadSessions();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(m_sessionsMessage, e.message, true); });
}

void SignInSettings::endOtherSessions()
{
    int ended = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->isCurrent(row))
            continue;
        ++ended;
        ApiReply *r = m_client.endSignInSession(m_model->keyOf(row));
        connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(m_sessionsMessage, e.message, true); });
        connect(r, &ApiReply::finished, this, &SignInSettings::loadSessions);
    }
    say(m_sessionsMessage, tr("%n other session(s) ended.", nullptr, ended));
}

void SignInSettings::setRequireMfa(bool on)
{
    m_requireMfa->setEnabled(false);
    ApiReply *r = m_client.putConfig({{QStringLiteral("auth"), QJsonObject{{QStringLiteral("requireMfa"), on}}}});
    connect(r, &ApiReply::finished, this, [this] { m_requireMfa->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this, on] {
        say(m_companyMessage,
            on ? tr("Saved: whoever has no second factor sets one up at their next sign-in.")
               : tr("Saved: a second factor is each person's choice."));
        emit saved(true);
    });
    connect(r, &ApiReply::failed, this, [this, on](const ApiError &e) {
        m_requireMfa->setChecked(!on);
        say(m_companyMessage, e.message, true);
        emit saved(false);
    });
}

void SignInSettings::say(QLabel *label, const QString &text, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QString());
    label->setText(text);
}

} // namespace tierdesk::ui
