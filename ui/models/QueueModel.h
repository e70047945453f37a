#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QTimer>

#include <functional>

namespace tierdesk::ui {

// One waiting or claimed escalation, parsed from the API's QueueItem.
struct QueueRow {
    QJsonObject item; // as the server sent it
    QString sessionId;
    QString queue;
    QString priority; // urgent | high | normal | low
    QString slaState; // ok | warning | breached (the server's word)
    qint64 queuedAtMs = 0;
    qint64 dueMs = 0; // the next SLA deadline: first response, else resolution; 0 = none
    qint64 snoozedUntilMs = 0; // 0 = not snoozed
    QString assigneeId;
    QString assigneeName;
    QString customerName;
    QString channel; // the channel's key (ui/models/ChannelDisplay.h): chat, email, sms, whatsapp, voice
    bool sourceSaid = false; // the item itself says where a chat came from ("source" or "metadata")
    bool vip = false;
    QString searchText; // lower-case text the search box matches
};

// The queue of human-tier escalations: filled from GET /queue, kept current by
// queue.* and sla.* events (row by row, never a reset), with a 1 s tick that
// refreshes only the time columns.
class QueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Priority,
        Sla,
        Customer,
        Queue,
        Reason,
        Sentiment,
        Waiting,
        Assignee,
        SnoozedUntil,
        Summary,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // a number or text that orders the column
        SessionIdRole,
        QueueRole,
        PriorityRole,
        SlaStateRole, // the effective state: breached once the deadline passed locally
        AssigneeIdRole,
        VipRole,
        SearchTextRole,
        ItemRole, // the QueueItem as a QJsonObject
        ChannelRole, // chat | email | sms | whatsapp | voice
    };

    explicit QueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces everything with GET /queue's items.
    void setItems(const QJsonArray &items);
    // Applies queue.added / queue.updated / queue.removed / sla.warning /
    // sla.breached; other event types are ignored.
    void applyEvents(const QList<QJsonObject> &events);
    int rowOf(const QString &sessionId) const;
    QJsonObject item(int row) const { return m_rows.value(row).item; }
    const QueueRow &rowAt(int row) const { return m_rows.at(row); }

    struct Counts {
        int waiting = 0;
        int claimed = 0;
        int breached = 0;
    };
    Counts counts() const;

    // The clock behind countdowns (tests pin it); a tick refreshes them each second.
    void setClock(std::function<qint64()> nowMs);
    // The SLA column's tooltip: what its due times count (all minutes, or only open hours).
    void setSlaNote(const QString &note);
    qint64 nowMs() const { return m_now(); }
    void tick();

    // A chat session's source learnt later (GET session channel: "whatsapp"); kept across updates.
    void setSource(const QString &sessionId, const QString &source);
    // The chat sessions whose source this model has not been told (the queue asks the server once each).
    QStringList chatSessionsWithoutSource() const;

    static QueueRow parse(const QJsonObject &item);
    static int priorityRank(const QString &priority); // urgent 0 .. low 3, unknown 4
    static int slaRank(const QString &state); // breached 0, warning 1, ok 2
    static QString formatDuration(qint64 secs); // 4:05, 1:02:03, 2d 3h

signals:
    void countsChanged();

private:
    QString effectiveSla(const QueueRow &r) const;
    QString channelOf(const QueueRow &r) const;
    QVariant display(const QueueRow &r, int column) const;
    QVariant sortKey(const QueueRow &r, int column) const;
    void upsert(const QJsonObject &item);
    void remove(const QString &sessionId);
    void reindex();

    QList<QueueRow> m_rows;
    QHash<QString, int> m_index; // sessionId -> row
    QHash<QString, QString> m_sources; // sessionId -> a chat session's source ("" when it has none)
    std::function<qint64()> m_now;
    QTimer m_tick;
    QString m_slaNote;
};

} // namespace tierdesk::ui
