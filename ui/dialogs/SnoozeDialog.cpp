#include "ui/dialogs/SnoozeDialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QTimeZone>

namespace tierdesk::ui {

SnoozeDialog::SnoozeDialog(const QDateTime &now, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("snoozeDialog"));
    setWindowTitle(tr("Snooze until"));
    m_when = new QDateTimeEdit(tomorrowMorning(now), this);
    m_when->setObjectName(QStringLiteral("snoozeUntil"));
    m_when->setCalendarPopup(true);
    m_when->setDateTimeRange(now.addSecs(60), now.addDays(30));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Snooze"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Back in the queue at"), m_when);
    form->addRow(buttons);
}

QDateTime SnoozeDialog::until() const
{
    return m_when->dateTime();
}

QDateTime SnoozeDialog::tomorrowMorning(const QDateTime &now)
{
    return QDateTime(now.date().addDays(1), QTime(9, 0), now.timeZone());
}

} // namespace tierdesk::ui
