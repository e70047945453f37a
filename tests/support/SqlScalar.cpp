#include "tests/support/SqlScalar.h"

#include <QSqlQuery>

namespace tierdesk::test {

QVariant scalarOf(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

} // namespace tierdesk::test
