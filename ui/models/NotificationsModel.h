#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>

namespace tierdesk::ui {

// What asks for a person's attention and stays until they look at it, newest first:
// a colleague's @mention of them in a note (the server keeps these until read), and, for
// supervisors and admins, a customer's low rating (1 or 2 of 5). Filled from GET /mentions
// and the live "mention" and "satisfaction.low" events.
class NotificationsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Kind { Mention, LowRating };
    Q_ENUM(Kind)
    enum Role { SessionIdRole = Qt::UserRole + 1, KindRole, IdRole, TimeRole };

    static constexpr int kMaxEntries = 100;

    explicit NotificationsModel(QObject *parent = nullptr);

    // GET /mentions?unread=true's list: the unread mentions (low ratings seen live are kept).
    void setMentions(const QJsonArray &mentions);
    // The events that notify; returns one line per new entry for the status bar.
    QStringList applyEvents(const QList<QJsonObject> &events);
    void clear();
    // Looked at: gone from the list.
    void remove(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        Kind kind;
        QString id; // the mention's id; the session's for a rating
        QString sessionId;
        QString text;
        qint64 atMs;
    };
    // false when already listed
    bool add(const Entry &entry);
    static Entry fromMention(const QJsonObject &mention);
    static Entry fromLowRating(const QJsonObject &event);

    QList<Entry> m_entries;
};

} // namespace tierdesk::ui
