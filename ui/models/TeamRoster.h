#pragma once

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QTimer>

namespace tierdesk::ui {

class ApiClient;

// The company's people as GET /api/cs/agents lists them (every role may read it): presence
// and open conversations against capacity. The queue shows who has room from it and the bulk
// "Assign to…" offers its people. Desk and presence events ask for it again, coalesced.
class TeamRoster : public QObject {
    Q_OBJECT

public:
    struct Member {
        QString id;
        QString name;
        QString presence;
        int open = 0;
        int capacity = 0; // 0: unknown (an older server)
        int room() const { return qMax(0, capacity - open); }
    };

    static constexpr int kCoalesceMs = 300;
    // A capacity changed by an admin announces nothing: read again this often as well.
    static constexpr int kRefreshMs = 60'000;

    explicit TeamRoster(ApiClient &client, QObject *parent = nullptr);

    void reload();
    void applyEvents(const QList<QJsonObject> &events);
    void setAgents(const QJsonArray &agents);
    const QList<Member> &members() const { return m_members; }
    // "Ann Archer 1 of 3 · Bob Brook 3 of 3 (full)" for the available people, by name.
    QString roomText() const;
    // "Ann Archer — available, 1 of 3 open" for a picker.
    static QString describe(const Member &m);

signals:
    void changed();

private:
    ApiClient &m_client;
    QList<Member> m_members;
    QTimer m_coalesce;
    QTimer m_refresh;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace tierdesk::ui
