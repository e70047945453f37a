#pragma once

#include <QDate>
#include <QHash>
#include <QJsonValue>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace tierdesk::ui {

// desk.businessHours of the company's config (docs/api.md, "Business hours") as a person
// sets them: "Always open" (the value null), else a time zone of the IANA database, the hours
// of each weekday (any number of from–to ranges, none: closed) and the holidays. The form
// judges nothing itself: the config's validator does, and its message for these hours is
// shown here (showProblem).
class BusinessHoursEditor : public QWidget {
    Q_OBJECT

public:
    explicit BusinessHoursEditor(QWidget *parent = nullptr);

    // null (or absent): always open; else {"timeZone","weekly":{"mon":[["09:00","17:00"]],...},"holidays":[...]}.
    void setValue(const QJsonValue &value);
    QJsonValue value() const;
    bool alwaysOpen() const;
    void setAlwaysOpen(bool open);
    void setTimeZone(const QString &id);
    // A weekday's ranges ("mon".."sun"), as [from, to] pairs of "HH:MM".
    void setDay(const QString &day, const QList<QPair<QString, QString>> &ranges);
    QList<QPair<QString, QString>> day(const QString &day) const;
    void addHoliday(const QDate &date);
    QStringList holidays() const;
    // The validator's "desk.businessHours...: reason" ("" clears it).
    void showProblem(const QString &problem);
    QString problem() const;

    static QStringList dayKeys(); // "mon" .. "sun"

signals:
    void edited();

private:
    struct DayRows {
        QVBoxLayout *ranges = nullptr;
        QList<QWidget *> rows; // each: from, to, remove
    };
    QWidget *buildWeek();
    QWidget *buildHolidays();
    void addRange(const QString &day, const QString &from, const QString &to);
    void removeRange(const QString &day, QWidget *row);
    void copyMondayToWeekdays();
    void follow(); // enables the parts "Always open" does not cover
    void changed();

    QCheckBox *m_always;
    QWidget *m_details;
    QComboBox *m_timeZone;
    QHash<QString, DayRows> m_days;
    QListWidget *m_holidays;
    QDateEdit *m_holidayDate;
    QLabel *m_problem;
    bool m_loading = false;
};

} // namespace tierdesk::ui
