#include "ui/models/AnalyticsModel.h"

#include "ui/models/Display.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace tierdesk::ui {
namespace {

QString sectionLabel(const QString &section)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("overview"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Overview")},
        {QStringLiteral("tier"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Tier")},
        {QStringLiteral("channel"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Channel")},
        {QStringLiteral("agent"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Agent")},
        {QStringLiteral("reason"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Escalation reason")},
        {QStringLiteral("contact"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Reason for contact")},
        {QStringLiteral("sentiment"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Final sentiment")},
        {QStringLiteral("timeline"), QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Period")}};
    return AnalyticsModel::tr(labels.value(section, ""));
}

// The overview's figures by the API's names, in the order the page shows them.
const QList<QPair<const char *, const char *>> kFigures{
    {"totalSessions", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Sessions")},
    {"resolvedSessions", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Resolved sessions")},
    {"resolutionRate", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Resolved")},
    {"resolution.aiResolutionRate", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Resolved by the AI alone")},
    {"resolution.firstContactResolutionRate",
        QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Resolved at first contact")},
    {"cost.perAiResolution", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "AI cost per resolution")},
    {"cost.total", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "AI cost")},
    {"avgResolutionTime", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Avg. resolution time")},
    {"avgMessagesPerSession", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Messages per session")},
    {"customerSatisfactionAvg", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Satisfaction (1-5)")},
    {"ratings", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Customer ratings")},
    {"escalations.total", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Escalations")},
    {"escalations.escalationRate", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Escalated")},
    {"escalations.avgEscalationTime", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Time to escalation")},
    {"sentiment.irateIncidents", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Irate sessions")},
    {"sentiment.sentimentImprovement", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Sentiment improved")},
    {"desk.handled", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Handled by people")},
    {"desk.slaAttainment", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "SLA met")},
    {"desk.avgFirstResponseTime", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "First response (people)")},
    {"desk.avgHandleTime", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Handling time (people)")},
    {"calls.total", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Calls")},
    {"calls.aiAlone", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Calls the AI finished alone")},
    {"calls.abandoned", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Calls abandoned in line")},
    {"calls.avgTimeToAnswer", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Time to answer a call")},
    {"calls.avgHandleTime", QT_TRANSLATE_NOOP("tierdesk::ui::AnalyticsModel", "Call handling time")}};

// Lower is better for these (besides every time); a volume is neither better nor worse.
const QStringList kLowerIsBetter{QStringLiteral("escalations.total"), QStringLiteral("escalations.escalationRate"),
    QStringLiteral("sentiment.irateIncidents"), QStringLiteral("calls.abandoned")};
const QStringList kVolumes{QStringLiteral("totalSessions"), QStringLiteral("avgMessagesPerSession"),
    QStringLiteral("desk.handled"), QStringLiteral("calls.total")};

// An overview figure of an answer by its API name ("totalSessions", "escalations.total"); null or
// missing when there is nothing to measure (no SLA settled, no sessions for a rate).
QJsonValue figureOf(const QJsonObject &report, const QString &key)
{
    const int dot = int(key.indexOf(QLatin1Char('.')));
    const QJsonObject block = report.value(dot < 0 ? QStringLiteral("overview") : key.left(dot)).toObject();
    return block.value(key.mid(dot + 1));
}

// A count or mean as the Value column shows it, without the sign: "12", "0.25".
QString plainNumber(double v)
{
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    QString text = QString::number(v, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    return text;
}

QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

} // namespace

void AnalyticsModel::setReport(const QJsonObject &report, const QJsonObject &previous)
{
    beginResetModel();
    m_report = report;
    m_previous = previous;
    m_rows.clear();
    addOverview();
    addOutcomes(QStringLiteral("tier"), report.value(QLatin1String("byTier")).toArray(), QStringLiteral("tier"));
    addOutcomes(
        QStringLiteral("channel"), report.value(QLatin1String("byChannel")).toArray(), QStringLiteral("channel"));
    addAgents();
    addContactReasons();
    const QJsonObject reasons
        = report.value(QLatin1String("escalations")).toObject().value(QLatin1String("byReason")).toObject();
    for (auto it = reasons.begin(); it != reasons.end(); ++it) {
        Row row{QStringLiteral("reason"), it.key(), {}};
        row.cells[Sessions] = it->toInt();
        m_rows.append(row);
    }
    const QJsonObject sentiment
        = report.value(QLatin1String("sentiment")).toObject().value(QLatin1String("distribution")).toObject();
    for (int level = 0; level < 6; ++level) {
        Row row{QStringLiteral("sentiment"), display::sentimentCode(level), {}};
        row.cells[Sessions] = sentiment.value(row.name).toInt();
        m_rows.append(row);
    }
    for (const QJsonValue &v : report.value(QLatin1String("timeline")).toArray()) {
        const QJsonObject p = v.toObject();
        Row row{QStringLiteral("timeline"), p.value(QLatin1String("period")).toString(), {}};
        row.cells[Sessions] = p.value(QLatin1String("sessions")).toInt();
        row.cells[Resolved] = p.value(QLatin1String("resolved")).toInt();
        row.cells[Escalated] = p.value(QLatin1String("escalated")).toInt();
        row.cells[Value] = p.value(QLatin1String("customerSatisfactionAvg")).toDouble();
        row.cells[Ratings] = p.value(QLatin1String("ratings")).toInt();
        m_rows.append(row);
    }
    endResetModel();
}

QStringList AnalyticsModel::figures()
{
    QStringList keys;
    for (const auto &figure : kFigures)
        keys.append(QLatin1String(figure.first));
    return keys;
}

QString AnalyticsModel::figureLabel(const QString &key)
{
    for (const auto &[name, label] : kFigures)
        if (key == QLatin1String(name))
            return tr(label);
    return key;
}

bool AnalyticsModel::isRate(const QString &key)
{
    return key.endsWith(QLatin1String("Rate")) || key.endsWith(QLatin1String("Improvement"))
        || key.endsWith(QLatin1String("Attainment"));
}

int AnalyticsModel::betterWhen(const QString &key)
{
    if (kVolumes.contains(key))
        return 0;
    if (kLowerIsBetter.contains(key) || key.startsWith(QLatin1String("cost.")) || key.endsWith(QLatin1String("Time")))
        return -1;
    return 1;
}

QString AnalyticsModel::duration(int seconds)
{
    if (seconds >= 3600)
        return tr("%1h %2m").arg(seconds / 3600).arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
    if (seconds >= 60)
        return tr("%1m %2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(seconds);
}

void AnalyticsModel::addOverview()
{
    // Names are the API's ("escalations.total" is the "total" of "escalations"), so a row
    // can be matched with the answer it came from.
    const bool sameCurrency = currencyOf(m_report) == currencyOf(m_previous);
    for (const QString &key : figures()) {
        Row row{QStringLiteral("overview"), key, {}};
        const QJsonValue value = figureOf(m_report, key);
        const QJsonValue previous = figureOf(m_previous, key);
        if (value.isDouble())
            row.cells[Value] = value.toDouble();
        if (previous.isDouble())
            row.cells[Previous] = previous.toDouble();
        // Costs in two currencies do not subtract; rounded so that 33.3 - 30.1 is 3.2, not 3.1999999999999993.
        if (value.isDouble() && previous.isDouble() && (sameCurrency || !key.startsWith(QLatin1String("cost."))))
            row.cells[Change] = std::round((value.toDouble() - previous.toDouble()) * 1e6) / 1e6;
        m_rows.append(row);
    }
}

QString AnalyticsModel::currencyOf(const QJsonObject &report) const
{
    return report.value(QLatin1String("cost")).toObject().value(QLatin1String("currency")).toString();
}

QString AnalyticsModel::figureText(const QString &key, double v, const QString &currency) const
{
    if (isRate(key))
        return QStringLiteral("%1 %").arg(v);
    if (key.endsWith(QLatin1String("Time")))
        return duration(int(v));
    if (key.startsWith(QLatin1String("cost."))) // fractions of a cent keep four decimals
        return QString(QLocale().toString(v, 'f', v > 0 && v < 0.01 ? 4 : 2) + QLatin1Char(' ') + currency);
    return QString::number(v);
}

// "+3.2 pts", "−1m 05s", "+0.0042 USD", "±0": the change in the figure's own unit.
QString AnalyticsModel::changeText(const QString &key, double change) const
{
    const QString sign = change > 0 ? QStringLiteral("+") : change < 0 ? QStringLiteral("\u2212") : QStringLiteral("±");
    const double size = std::abs(change);
    if (isRate(key))
        return tr("%1 pts").arg(sign + QString::number(size, 'f', 1));
    if (key.endsWith(QLatin1String("Time")))
        return sign + duration(int(std::lround(size)));
    if (key.startsWith(QLatin1String("cost.")))
        return sign + figureText(key, size, currencyOf(m_report));
    return sign + plainNumber(size);
}

void AnalyticsModel::addOutcomes(const QString &section, const QJsonArray &items, const QString &key)
{
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        Row row{section, o.value(key).toString(), {}};
        const int sessions = o.value(QLatin1String("sessions")).toInt();
        const int resolved = o.value(QLatin1String("resolved")).toInt();
        row.cells[Sessions] = sessions;
        row.cells[Resolved] = resolved;
        // byChannel has no rate: the same rounding as the API's byTier.
        row.cells[Rate] = o.contains(QLatin1String("resolutionRate"))
            ? o.value(QLatin1String("resolutionRate")).toDouble()
            : (sessions > 0 ? qRound(resolved * 1000.0 / sessions) / 10.0 : 0.0);
        row.cells[AvgTime] = o.value(QLatin1String("avgTime")).toInt();
        row.cells[Satisfaction] = o.value(QLatin1String("customerSatisfactionAvg")).toDouble();
        row.cells[Ratings] = o.value(QLatin1String("ratings")).toInt();
        m_rows.append(row);
    }
}

// Why customers got in touch, most frequent first: the rate is the share the AI resolved alone.
void AnalyticsModel::addContactReasons()
{
    for (const QJsonValue &v : m_report.value(QLatin1String("contactReasons")).toArray()) {
        const QJsonObject o = v.toObject();
        Row row{QStringLiteral("contact"), o.value(QLatin1String("reason")).toString(), {}};
        row.cells[Sessions] = o.value(QLatin1String("sessions")).toInt();
        if (const QJsonValue rate = o.value(QLatin1String("aiResolutionRate")); rate.isDouble())
            row.cells[Rate] = rate.toDouble();
        row.cells[AvgTime] = o.value(QLatin1String("avgHandleTime")).toInt();
        row.cells[Satisfaction] = o.value(QLatin1String("customerSatisfactionAvg")).toDouble();
        m_rows.append(row);
    }
}

// The people, by the ratings their customers gave (sessions nobody rated do not count here).
void AnalyticsModel::addAgents()
{
    const QJsonArray agents
        = m_report.value(QLatin1String("desk")).toObject().value(QLatin1String("byAgent")).toArray();
    for (const QJsonValue &v : agents) {
        const QJsonObject a = v.toObject();
        Row row{QStringLiteral("agent"), a.value(QLatin1String("agentName")).toString(), {}};
        row.cells[Satisfaction] = a.value(QLatin1String("customerSatisfactionAvg")).toDouble();
        row.cells[Ratings] = a.value(QLatin1String("ratings")).toInt();
        m_rows.append(row);
    }
}

QVariant AnalyticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == ValueRole)
        return column == Section ? QVariant(row.section) : column == Name ? QVariant(row.name) : row.cells[column];
    if (role == Qt::TextAlignmentRole && column >= Value)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == TrendRole && column == Change && row.cells[Change].isValid() && betterWhen(row.name) != 0) {
        const double change = row.cells[Change].toDouble() * betterWhen(row.name);
        return int(change > 0 ? Better : change < 0 ? Worse : Same);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Section:
        return sectionLabel(row.section);
    case Name:
        if (row.section == QLatin1String("overview"))
            return figureLabel(row.name);
        if (row.section == QLatin1String("tier"))
            return display::tierLabel(row.name);
        if (row.section == QLatin1String("reason") || row.section == QLatin1String("sentiment"))
            return display::enumLabel(row.name);
        return row.name;
    case Rate:
        return row.cells[Rate].isValid() ? QStringLiteral("%1 %").arg(row.cells[Rate].toDouble()) : QVariant();
    case AvgTime:
        return row.cells[AvgTime].isValid() ? duration(row.cells[AvgTime].toInt()) : QVariant();
    case Satisfaction:
        return row.cells[Satisfaction].isValid() ? QLocale().toString(row.cells[Satisfaction].toDouble(), 'f', 1)
                                                 : QVariant();
    case Value:
    case Previous:
        if (!row.cells[column].isValid())
            return {};
        if (row.section != QLatin1String("overview"))
            return QString::number(row.cells[column].toDouble());
        return figureText(row.name, row.cells[column].toDouble(), currencyOf(column == Value ? m_report : m_previous));
    case Change:
        return row.cells[Change].isValid() ? changeText(row.name, row.cells[Change].toDouble()) : QVariant();
    case Ratings: {
        // A tier's or channel's rated sessions with their share: how far its satisfaction is asked, not guessed.
        const int sessions = row.cells[Sessions].toInt();
        if (row.cells[Ratings].isValid() && sessions > 0
            && (row.section == QLatin1String("channel") || row.section == QLatin1String("tier")))
            return tr("%1 (%2 %)")
                .arg(row.cells[Ratings].toInt())
                .arg(QLocale().toString(row.cells[Ratings].toInt() * 100.0 / sessions, 'f', 0));
        return row.cells[Ratings];
    }
    default:
        return row.cells[column];
    }
}

QVariant AnalyticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Section:
        return tr("Breakdown");
    case Name:
        return tr("Name");
    case Value:
        return tr("Value");
    case Previous:
        return tr("Previous range");
    case Change:
        return tr("Change");
    case Sessions:
        return tr("Sessions");
    case Resolved:
        return tr("Resolved");
    case Rate:
        return tr("Resolution rate");
    case AvgTime:
        return tr("Avg. resolution time");
    case Escalated:
        return tr("Escalated");
    case Satisfaction:
        return tr("Satisfaction (1-5)");
    case Ratings:
        return tr("Customer ratings");
    default:
        return {};
    }
}

QList<int> AnalyticsModel::rowsOf(const QString &section) const
{
    QList<int> out;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).section == section)
            out.append(i);
    return out;
}

QByteArray AnalyticsModel::toCsv() const
{
    // Machine-readable: the API's names and raw numbers (seconds, percent; changes of rates in
    // percentage points), the columns added later at the end so that readers by position keep working.
    static const QList<int> kColumns{
        Value, Sessions, Resolved, Rate, AvgTime, Escalated, Satisfaction, Ratings, Previous, Change};
    QStringList lines{
        QStringLiteral("section,name,value,sessions,resolved,resolution_rate,avg_resolution_seconds,escalated,"
                       "satisfaction,ratings,previous,change,currency")};
    const QString currency = currencyOf(m_report);
    for (const Row &row : m_rows) {
        QStringList fields{csvField(row.section), csvField(row.name)};
        for (int c : kColumns)
            fields.append(row.cells[c].isValid() ? row.cells[c].toString() : QString());
        const bool money = row.section == QLatin1String("overview") && row.name.startsWith(QLatin1String("cost."));
        fields.append(money ? csvField(currency) : QString());
        lines.append(fields.join(QLatin1Char(',')));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace tierdesk::ui
