#include "ui/client/BulkRun.h"

namespace tierdesk::ui {

BulkRun::BulkRun(const QStringList &sessionIds, const QHash<QString, QString> &labels, Call call, QObject *parent)
    : QObject(parent), m_ids(sessionIds), m_labels(labels), m_call(std::move(call))
{
}

void BulkRun::start()
{
    next();
}

void BulkRun::next()
{
    if (m_at >= m_ids.size()) {
        emit finished(m_succeeded, m_failures);
        deleteLater();
        return;
    }
    const QString id = m_ids.at(m_at++);
    ApiReply *r = m_call(id);
    connect(r, &ApiReply::succeeded, this, [this] { ++m_succeeded; });
    const QString label = m_labels.value(id, id);
    connect(r, &ApiReply::failed, this,
        [this, label](const ApiError &e) { m_failures << QStringLiteral("%1: %2").arg(label, e.message); });
    connect(r, &ApiReply::finished, this, &BulkRun::next);
}

QString BulkRun::report(const QString &doneOfTotal, const QStringList &failures)
{
    if (failures.isEmpty())
        return doneOfTotal;
    return tr("%1; %n failed: %2", nullptr, int(failures.size())).arg(doneOfTotal, failures.join(QStringLiteral("; ")));
}

} // namespace tierdesk::ui
