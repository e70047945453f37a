#pragma once

#include "ui/client/CompanyLogins.h"

#include <QFrame>

class QAction;
class QMenu;
class QPushButton;

namespace tierdesk::ui {

class ApiClient;

// The company switcher at the top of the navigation: the companies this console holds a login
// for on the server, the signed-in one checked; sign in to another, sign out, and for admins
// make and rename companies. It only asks: the window's owner does what is chosen.
class CompanySwitcher : public QFrame {
    Q_OBJECT

public:
    explicit CompanySwitcher(ApiClient &client, QWidget *parent = nullptr);

    QPushButton *button() const { return m_button; }
    // Sign out, for the window to hold too so its shortcut works with the menu closed.
    QAction *signOutAction() const { return m_signOut; }
    // How wide the company's name may be before it is elided.
    void setNameWidth(int pixels) { m_nameWidth = pixels; }
    void setCompanies(const QList<CompanyLogin> &logins);
    // The menu is made anew for every change (another login, company or role): a handful of entries.
    void refresh();

signals:
    void companyChosen(const QString &companyId);
    void loginRequested(); // sign in to another company
    void newCompanyRequested();
    void renameCompanyRequested();
    void signOutRequested();

private:
    ApiClient &m_client;
    QPushButton *m_button;
    QMenu *m_menu;
    QAction *m_signOut;
    QList<CompanyLogin> m_companies;
    int m_nameWidth = 0;
};

} // namespace tierdesk::ui
