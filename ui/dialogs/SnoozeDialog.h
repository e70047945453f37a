#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;

namespace tierdesk::ui {

// "Snooze until": a date and time from a minute to 30 days ahead, 9:00 tomorrow at first.
// Shown with open(), never exec().
class SnoozeDialog : public QDialog {
    Q_OBJECT

public:
    SnoozeDialog(const QDateTime &now, QWidget *parent = nullptr);

    QDateTime until() const;
    // 9:00 local time on the day after `now`.
    static QDateTime tomorrowMorning(const QDateTime &now);

private:
    QDateTimeEdit *m_when;
};

} // namespace tierdesk::ui
