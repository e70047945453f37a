#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>

namespace tierdesk::ui {

// What the queue's filter bar is set to.
struct QueueFilterState {
    QString name; // the saved filter's name ("" for the current one)
    QString queue;
    QString priority;
    QString channel; // chat | email | sms | whatsapp | voice; empty: all
    QString search;
    bool mine = false;
    bool unassigned = false;
    bool snoozed = false;

    QVariantMap toMap() const;
    static QueueFilterState fromMap(const QVariantMap &map);
    bool sameFilter(const QueueFilterState &other) const; // all but the name
};

// An agent's named queue filters, kept in QSettings per company and agent (the console's
// own preferences, like ConsolePreferences): saved, listed by name, picked, deleted.
class SavedQueueFilters {
public:
    // `file` empty: the user's QSettings of Tierdesk; tests give an INI file.
    SavedQueueFilters(QString companyId, QString agentId, QString file = {});

    QList<QueueFilterState> list() const; // by name
    // Replaces a filter of the same name.
    void save(const QueueFilterState &filter);
    void remove(const QString &name);

private:
    QString key() const;

    QString m_company;
    QString m_agent;
    QString m_file;
};

} // namespace tierdesk::ui
