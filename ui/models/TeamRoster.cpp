#include "ui/models/TeamRoster.h"

#include "ui/client/ApiClient.h"
#include "ui/models/TeamModel.h"

#include <QJsonObject>

namespace tierdesk::ui {

TeamRoster::TeamRoster(ApiClient &client, QObject *parent) : QObject(parent), m_client(client)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &TeamRoster::reload);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &TeamRoster::reload);
    m_refresh.start();
}

void TeamRoster::reload()
{
    if (m_client.companyId().isEmpty())
        return;
    if (m_inFlight) { // one request at a time; ask again once it is answered
        m_again = true;
        return;
    }
    m_inFlight = true;
    ApiReply *r = m_client.agents();
    connect(r, &ApiReply::succeeded, this,
        [this](const QJsonObject &body) { setAgents(body.value(QLatin1String("agents")).toArray()); });
    connect(r, &ApiReply::finished, this, [this] {
        m_inFlight = false;
        if (std::exchange(m_again, false))
            reload();
    });
}

void TeamRoster::applyEvents(const QList<QJsonObject> &events)
{
    // Who holds what changes with the queue's events; presence with agent.presence.
    for (const QJsonObject &e : events) {
        const QString type = e.value(QLatin1String("type")).toString();
        if (type.startsWith(QLatin1String("queue.")) || type == QLatin1String("agent.presence")) {
            if (!m_coalesce.isActive())
                m_coalesce.start();
            return;
        }
    }
}

void TeamRoster::setAgents(const QJsonArray &agents)
{
    m_members.clear();
    for (const QJsonValue &v : agents) {
        const QJsonObject a = v.toObject();
        Member m;
        m.id = a.value(QLatin1String("id")).toString();
        m.name = a.value(QLatin1String("name")).toString();
        m.presence = a.value(QLatin1String("presence")).toString();
        m.open = a.value(QLatin1String("activeSessions")).toInt();
        m.capacity = a.value(QLatin1String("capacity")).toInt();
        if (a.value(QLatin1String("active")).toBool(true) && !m.id.isEmpty())
            m_members.append(m);
    }
    emit changed();
}

QString TeamRoster::roomText() const
{
    QStringList parts;
    for (const Member &m : m_members) {
        if (m.presence != QLatin1String("available"))
            continue;
        const QString load = TeamModel::load(m.open, m.capacity);
        parts << (m.capacity > 0 && m.room() == 0 ? tr("%1 %2 (full)").arg(m.name, load)
                                                  : tr("%1 %2").arg(m.name, load));
    }
    if (parts.isEmpty())
        return tr("Nobody is available right now.");
    return tr("Available: %1").arg(parts.join(QStringLiteral(" · ")));
}

QString TeamRoster::describe(const Member &m)
{
    return tr("%1 — %2, %3 open").arg(m.name, TeamModel::presenceWord(m.presence), TeamModel::load(m.open, m.capacity));
}

} // namespace tierdesk::ui
