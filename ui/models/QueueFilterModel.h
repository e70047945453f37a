#pragma once

#include <QSortFilterProxyModel>

namespace tierdesk::ui {

// The queue as the agent narrows it: one queue, one priority, one channel, only mine, only
// unassigned, and a search over customer, summary, reason and session id.
// Sorts by QueueModel::SortRole.
class QueueFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit QueueFilterModel(QObject *parent = nullptr);

    void setQueue(const QString &queue); // empty: all
    void setPriority(const QString &priority); // empty: all
    void setChannel(const QString &channel); // chat | email | sms | whatsapp | voice; empty: all
    void setMineOnly(bool on);
    void setUnassignedOnly(bool on);
    void setSearchText(const QString &text);
    void setAgentId(const QString &agentId); // who "mine" means

    QString queue() const { return m_queue; }
    QString priority() const { return m_priority; }
    QString channel() const { return m_channel; }
    bool mineOnly() const { return m_mine; }
    bool unassignedOnly() const { return m_unassigned; }
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_queue;
    QString m_priority;
    QString m_channel;
    QString m_agentId;
    QString m_search; // lower-case, trimmed
    bool m_mine = false;
    bool m_unassigned = false;
};

} // namespace tierdesk::ui
