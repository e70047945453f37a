#include "ui/models/SavedQueueFilters.h"

#include <QCollator>
#include <QSettings>

#include <algorithm>
#include <memory>

namespace tierdesk::ui {
namespace {

std::unique_ptr<QSettings> openFilterSettings(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

QVariantMap QueueFilterState::toMap() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("queue"), queue}, {QStringLiteral("priority"), priority},
        {QStringLiteral("channel"), channel}, {QStringLiteral("search"), search}, {QStringLiteral("mine"), mine},
        {QStringLiteral("unassigned"), unassigned}, {QStringLiteral("snoozed"), snoozed}};
}

QueueFilterState QueueFilterState::fromMap(const QVariantMap &map)
{
    QueueFilterState f;
    f.name = map.value(QStringLiteral("name")).toString();
    f.queue = map.value(QStringLiteral("queue")).toString();
    f.priority = map.value(QStringLiteral("priority")).toString();
    f.channel = map.value(QStringLiteral("channel")).toString();
    f.search = map.value(QStringLiteral("search")).toString();
    f.mine = map.value(QStringLiteral("mine")).toBool();
    f.unassigned = map.value(QStringLiteral("unassigned")).toBool();
    f.snoozed = map.value(QStringLiteral("snoozed")).toBool();
    return f;
}

bool QueueFilterState::sameFilter(const QueueFilterState &o) const
{
    return queue == o.queue && priority == o.priority && channel == o.channel && search == o.search && mine == o.mine
        && unassigned == o.unassigned && snoozed == o.snoozed;
}

SavedQueueFilters::SavedQueueFilters(QString companyId, QString agentId, QString file)
    : m_company(std::move(companyId)), m_agent(std::move(agentId)), m_file(std::move(file))
{
}

QString SavedQueueFilters::key() const
{
    // Ids are a-z 0-9 _ (no '/' that QSettings would read as a group).
    return QStringLiteral("queueFilters/%1/%2").arg(m_company, m_agent);
}

QList<QueueFilterState> SavedQueueFilters::list() const
{
    QList<QueueFilterState> out;
    if (m_company.isEmpty() || m_agent.isEmpty())
        return out;
    for (const QVariant &v : openFilterSettings(m_file)->value(key()).toList())
        out << QueueFilterState::fromMap(v.toMap());
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(out.begin(), out.end(),
        [&](const QueueFilterState &a, const QueueFilterState &b) { return collator.compare(a.name, b.name) < 0; });
    return out;
}

void SavedQueueFilters::save(const QueueFilterState &filter)
{
    if (m_company.isEmpty() || m_agent.isEmpty() || filter.name.trimmed().isEmpty())
        return;
    QVariantList all;
    for (const QueueFilterState &f : list())
        if (f.name != filter.name)
            all << f.toMap();
    all << filter.toMap();
    openFilterSettings(m_file)->setValue(key(), all);
}

void SavedQueueFilters::remove(const QString &name)
{
    QVariantList all;
    for (const QueueFilterState &f : list())
        if (f.name != name)
            all << f.toMap();
    openFilterSettings(m_file)->setValue(key(), all);
}

} // namespace tierdesk::ui
