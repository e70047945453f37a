#include "ui/views/BusinessHoursEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

// "HH:MM" from 00:00 to 23:59, and 24:00 as an end (the API's wall-clock times).
const QRegularExpression kClock(QStringLiteral("^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$"));

QComboBox *clockBox(const QString &time, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setEditable(true);
    for (int minutes = 0; minutes <= 24 * 60; minutes += 30)
        box->addItem(QStringLiteral("%1:%2")
                         .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                         .arg(minutes % 60, 2, 10, QLatin1Char('0')));
    box->setValidator(new QRegularExpressionValidator(kClock, box));
    box->setCurrentText(time);
    box->setMinimumContentsLength(5);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    return box;
}

// This computer's zone when the server knows it by that name (a container may have none).
QString localZone()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return !id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id) ? QString::fromLatin1(id) : QStringLiteral("UTC");
}

QString dayName(int index)
{
    // Monday first, as the API's week; the locale names the day.
    return QLocale().dayName(index + 1, QLocale::LongFormat);
}

} // namespace

QStringList BusinessHoursEditor::dayKeys()
{
    return {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
        QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
}

BusinessHoursEditor::BusinessHoursEditor(QWidget *parent) : QWidget(parent)
{
    m_always = new QCheckBox(tr("Always open (SLA clocks count every minute)"), this);
    m_always->setObjectName(QStringLiteral("hoursAlwaysOpen"));
    connect(m_always, &QCheckBox::toggled, this, [this] {
        follow();
        changed();
    });
    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("hoursTimeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromLatin1(id));
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_timeZone->setMinimumContentsLength(16);
    m_timeZone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &BusinessHoursEditor::changed);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("hoursProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    m_problem->hide();

    m_details = new QWidget(this);
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    auto *zoneRow = new QHBoxLayout;
    zoneRow->addWidget(new QLabel(tr("Time zone"), m_details));
    zoneRow->addWidget(m_timeZone, 1);
    details->addLayout(zoneRow);
    details->addWidget(buildWeek());
    details->addWidget(buildHolidays());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_always);
    layout->addWidget(m_details);
    layout->addWidget(m_problem);
    setValue(QJsonValue::Null);
}

QWidget *BusinessHoursEditor::buildWeek()
{
    auto *week = new QWidget(m_details);
    auto *grid = new QGridLayout(week);
    grid->setContentsMargins(0, 4, 0, 4);
    const QStringList keys = dayKeys();
    for (int i = 0; i < keys.size(); ++i) {
        const QString key = keys.at(i);
        auto *name = new QLabel(dayName(i), week);
        auto *ranges = new QVBoxLayout;
        ranges->setSpacing(2);
        auto *add = new QToolButton(week);
        add->setObjectName(QStringLiteral("hoursAdd_") + key);
        add->setText(tr("+ Hours"));
        add->setToolTip(tr("Add a range of open hours on %1").arg(dayName(i)));
        connect(add, &QToolButton::clicked, this, [this, key] {
            addRange(key, QStringLiteral("09:00"), QStringLiteral("17:00"));
            changed();
        });
        grid->addWidget(name, i, 0, Qt::AlignTop);
        grid->addLayout(ranges, i, 1);
        grid->addWidget(add, i, 2, Qt::AlignTop);
        m_days.insert(key, DayRows{ranges, {}});
    }
    grid->setColumnStretch(1, 1);
    auto *copy = new QPushButton(tr("Monday's hours for Tuesday to Friday"), week);
    copy->setObjectName(QStringLiteral("hoursCopyMonday"));
    connect(copy, &QPushButton::clicked, this, &BusinessHoursEditor::copyMondayToWeekdays);
    grid->addWidget(copy, int(keys.size()), 0, 1, 3, Qt::AlignLeft);
    return week;
}

QWidget *BusinessHoursEditor::buildHolidays()
{
    auto *box = new QWidget(m_details);
    m_holidays = new QListWidget(box);
    m_holidays->setObjectName(QStringLiteral("hoursHolidays"));
    m_holidays->setMaximumHeight(90);
    m_holidayDate = new QDateEdit(QDate::currentDate(), box);
    m_holidayDate->setObjectName(QStringLiteral("hoursHolidayDate"));
    m_holidayDate->setCalendarPopup(true);
    auto *add = new QPushButton(tr("Add holiday"), box);
    add->setObjectName(QStringLiteral("hoursHolidayAdd"));
    connect(add, &QPushButton::clicked, this, [this] { addHoliday(m_holidayDate->date()); });
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("hoursHolidayRemove"));
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_holidays->currentItem();
        changed();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_holidayDate);
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Holidays (closed all day)"), box));
    layout->addWidget(m_holidays);
    layout->addLayout(row);
    return box;
}

void BusinessHoursEditor::addRange(const QString &day, const QString &from, const QString &to)
{
    DayRows &rows = m_days[day];
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    QComboBox *start = clockBox(from, row);
    start->setObjectName(QStringLiteral("hoursFrom"));
    QComboBox *end = clockBox(to, row);
    end->setObjectName(QStringLiteral("hoursTo"));
    auto *remove = new QToolButton(row);
    remove->setObjectName(QStringLiteral("hoursRemove"));
    remove->setText(QStringLiteral("−"));
    remove->setToolTip(tr("Remove these hours"));
    h->addWidget(start);
    h->addWidget(new QLabel(QStringLiteral("–"), row));
    h->addWidget(end);
    h->addWidget(remove);
    h->addStretch(1);
    connect(start, &QComboBox::currentTextChanged, this, &BusinessHoursEditor::changed);
    connect(end, &QComboBox::currentTextChanged, this, &BusinessHoursEditor::changed);
    connect(remove, &QToolButton::clicked, this, [this, day, row] { removeRange(day, row); });
    rows.ranges->addWidget(row);
    rows.rows.append(row);
}

void BusinessHoursEditor::removeRange(const QString &day, QWidget *row)
{
    m_days[day].rows.removeOne(row);
    row->deleteLater();
    changed();
}

void BusinessHoursEditor::setDay(const QString &day, const QList<QPair<QString, QString>> &ranges)
{
    DayRows &rows = m_days[day];
    for (QWidget *row : std::as_const(rows.rows))
        delete row;
    rows.rows.clear();
    for (const auto &[from, to] : ranges)
        addRange(day, from, to);
    changed();
}

QList<QPair<QString, QString>> BusinessHoursEditor::day(const QString &day) const
{
    QList<QPair<QString, QString>> out;
    for (QWidget *row : m_days.value(day).rows) {
        const auto boxes = row->findChildren<QComboBox *>(QString(), Qt::FindDirectChildrenOnly);
        out.append({boxes.value(0)->currentText(), boxes.value(1)->currentText()});
    }
    return out;
}

void BusinessHoursEditor::copyMondayToWeekdays()
{
    const auto monday = day(QStringLiteral("mon"));
    for (const char *key : {"tue", "wed", "thu", "fri"})
        setDay(QLatin1String(key), monday);
}

void BusinessHoursEditor::addHoliday(const QDate &date)
{
    const QString iso = date.toString(Qt::ISODate);
    if (!date.isValid() || holidays().contains(iso))
        return;
    int at = 0; // in date order
    while (at < m_holidays->count() && m_holidays->item(at)->data(Qt::UserRole).toString() < iso)
        ++at;
    auto *item = new QListWidgetItem(QLocale().toString(date, QLocale::LongFormat));
    item->setData(Qt::UserRole, iso);
    m_holidays->insertItem(at, item);
    changed();
}

QStringList BusinessHoursEditor::holidays() const
{
    QStringList out;
    for (int i = 0; i < m_holidays->count(); ++i)
        out << m_holidays->item(i)->data(Qt::UserRole).toString();
    return out;
}

bool BusinessHoursEditor::alwaysOpen() const
{
    return m_always->isChecked();
}

void BusinessHoursEditor::setAlwaysOpen(bool open)
{
    m_always->setChecked(open);
}

void BusinessHoursEditor::setTimeZone(const QString &id)
{
    m_timeZone->setCurrentText(id);
}

void BusinessHoursEditor::setValue(const QJsonValue &value)
{
    m_loading = true;
    const QJsonObject hours = value.toObject();
    const bool open = !value.isObject();
    m_always->setChecked(open);
    // Always open: the hours below start as a usual week, ready when the box is unticked.
    const QString zone = hours.value(QLatin1String("timeZone")).toString();
    m_timeZone->setCurrentText(zone.isEmpty() ? localZone() : zone);
    const QJsonObject weekly = hours.value(QLatin1String("weekly")).toObject();
    for (const QString &key : dayKeys()) {
        QList<QPair<QString, QString>> ranges;
        if (open && key != QLatin1String("sat") && key != QLatin1String("sun"))
            ranges.append({QStringLiteral("09:00"), QStringLiteral("17:00")});
        for (const QJsonValue &r : weekly.value(key).toArray())
            ranges.append({r.toArray().at(0).toString(), r.toArray().at(1).toString()});
        setDay(key, ranges);
    }
    m_holidays->clear();
    for (const QJsonValue &d : hours.value(QLatin1String("holidays")).toArray()) {
        // As stored, in the server's order: loading changes nothing.
        auto *item = new QListWidgetItem(
            QLocale().toString(QDate::fromString(d.toString(), Qt::ISODate), QLocale::LongFormat), m_holidays);
        item->setData(Qt::UserRole, d.toString());
    }
    showProblem({});
    follow();
    m_loading = false;
}

QJsonValue BusinessHoursEditor::value() const
{
    if (m_always->isChecked())
        return QJsonValue::Null;
    QJsonObject weekly;
    for (const QString &key : dayKeys()) {
        QJsonArray ranges;
        for (const auto &[from, to] : day(key))
            ranges.append(QJsonArray{from, to});
        weekly.insert(key, ranges);
    }
    return QJsonObject{{QStringLiteral("timeZone"), m_timeZone->currentText().trimmed()},
        {QStringLiteral("weekly"), weekly}, {QStringLiteral("holidays"), QJsonArray::fromStringList(holidays())}};
}

void BusinessHoursEditor::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString BusinessHoursEditor::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void BusinessHoursEditor::follow()
{
    m_details->setEnabled(!m_always->isChecked());
    m_details->setVisible(!m_always->isChecked());
}

void BusinessHoursEditor::changed()
{
    if (!m_loading)
        emit edited();
}

} // namespace tierdesk::ui
