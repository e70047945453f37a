#include "ui/CompanySwitcher.h"

#include "ui/client/ApiClient.h"

#include <QAction>
#include <QHBoxLayout>
#include <QMenu>
#include <QPushButton>

namespace tierdesk::ui {

CompanySwitcher::CompanySwitcher(ApiClient &client, QWidget *parent) : QFrame(parent), m_client(client)
{
    // The bar holds the margins: a push button's text-align:left ignores its padding.
    setObjectName(QStringLiteral("companyBar"));
    setStyleSheet(QStringLiteral("#companyBar { background:#111827; border-bottom:1px solid #374151; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 8, 10);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("companySwitcher"));
    m_button->setToolTip(tr("Switch company"));
    m_button->setStyleSheet(
        QStringLiteral("#companySwitcher { color:white; background:transparent; border:none; font-weight:bold; "
                       "text-align:left; padding:2px 18px 2px 0; }"
                       "#companySwitcher::menu-indicator { subcontrol-position: right center; }"));
    m_menu = new QMenu(m_button);
    m_menu->setObjectName(QStringLiteral("companyMenu"));
    m_button->setMenu(m_menu);
    m_signOut = new QAction(tr("Sign out"), this);
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_signOut->setShortcutVisibleInContextMenu(true);
    connect(m_signOut, &QAction::triggered, this, &CompanySwitcher::signOutRequested);
    layout->addWidget(m_button);
}

void CompanySwitcher::setCompanies(const QList<CompanyLogin> &logins)
{
    m_companies = logins;
    refresh();
}

void CompanySwitcher::refresh()
{
    const QString current = m_client.companyId();
    const QString name = m_client.companyName().isEmpty() ? tr("Tierdesk") : m_client.companyName();
    m_button->setText(m_button->fontMetrics().elidedText(name, Qt::ElideRight, m_nameWidth));
    m_button->setToolTip(tr("%1: switch company").arg(name));
    m_menu->clear();
    for (const CompanyLogin &login : std::as_const(m_companies)) {
        QAction *a = m_menu->addAction(login.companyName.isEmpty() ? login.companyId : login.companyName);
        a->setObjectName(QStringLiteral("company:") + login.companyId);
        a->setCheckable(true);
        a->setChecked(login.companyId == current);
        a->setToolTip(login.email);
        connect(a, &QAction::triggered, this, [this, id = login.companyId] {
            if (id != m_client.companyId())
                emit companyChosen(id);
        });
    }
    if (!m_companies.isEmpty())
        m_menu->addSeparator();
    QAction *signIn = m_menu->addAction(tr("Sign in to another company…"));
    signIn->setObjectName(QStringLiteral("companySignIn"));
    connect(signIn, &QAction::triggered, this, &CompanySwitcher::loginRequested);
    if (!m_client.token().isEmpty())
        m_menu->addAction(m_signOut);
    if (m_client.agent().value(QLatin1String("role")).toString() != QLatin1String("admin"))
        return;
    QAction *create = m_menu->addAction(tr("New company…"));
    create->setObjectName(QStringLiteral("companyNew"));
    connect(create, &QAction::triggered, this, &CompanySwitcher::newCompanyRequested);
    QAction *rename = m_menu->addAction(tr("Rename %1…").arg(name));
    rename->setObjectName(QStringLiteral("companyRename"));
    connect(rename, &QAction::triggered, this, &CompanySwitcher::renameCompanyRequested);
}

} // namespace tierdesk::ui
