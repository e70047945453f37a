#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace tierdesk::ui {

// One company's login on a server: what the company switcher lists.
struct CompanyLogin {
    QString companyId;
    QString companyName;
    QString email;
    QByteArray token;
    bool remembered = false; // kept in the secret store for the next start
};

// The console's logins on one server, a company each (a token sees one company
// only). Only the remembered ones are written out (toJson).
class CompanyLogins {
public:
    // Adds the login or replaces the company's earlier one.
    void put(const CompanyLogin &login);
    void remove(const QString &companyId);
    std::optional<CompanyLogin> find(const QString &companyId) const;
    // By company name, then id.
    QList<CompanyLogin> all() const;
    bool isEmpty() const { return m_logins.isEmpty(); }

    QByteArray toJson() const;
    // Unreadable or foreign input gives no logins (a stale entry is simply gone).
    static CompanyLogins fromJson(const QByteArray &json);

private:
    QList<CompanyLogin> m_logins;
};

} // namespace tierdesk::ui
