#pragma once

#include <QSqlDatabase>
#include <QVariant>
#include <QVariantList>

namespace tierdesk::test {

// The first column of the first row of `sql` on `db`; an invalid QVariant when the
// query fails or returns no row.
QVariant scalarOf(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});

} // namespace tierdesk::test
