#include "ui/models/QueueModel.h"

#include "ui/models/ChannelDisplay.h"
#include "ui/models/CustomerLabel.h"
#include "ui/models/Display.h"

#include <QColor>
#include <QDateTime>
#include <QFont>

namespace tierdesk::ui {

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &QueueModel::tick);
    m_tick.start();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QueueRow QueueModel::parse(const QJsonObject &item)
{
    QueueRow r;
    r.item = item;
    r.sessionId = item.value(QLatin1String("sessionId")).toString();
    r.queue = item.value(QLatin1String("queue")).toString();
    r.priority = item.value(QLatin1String("priority")).toString();
    const QJsonObject sla = item.value(QLatin1String("sla")).toObject();
    r.slaState = sla.value(QLatin1String("state")).toString();
    r.queuedAtMs = display::parseTime(item.value(QLatin1String("queuedAt")).toString());
    const bool answered = !sla.value(QLatin1String("firstResponseAt")).toString().isEmpty();
    r.dueMs = display::parseTime(
        sla.value(answered ? QLatin1String("resolutionDue") : QLatin1String("firstResponseDue")).toString());
    r.snoozedUntilMs = display::parseTime(item.value(QLatin1String("snoozedUntil")).toString());
    const QJsonObject assignee = item.value(QLatin1String("assignee")).toObject();
    r.assigneeId = assignee.value(QLatin1String("id")).toString();
    r.assigneeName = assignee.value(QLatin1String("name")).toString();
    const QJsonObject customer = item.value(QLatin1String("customer")).toObject();
    r.customerName = CustomerLabel::of(customer); // a web visitor by the name they gave
    r.vip = customer.value(QLatin1String("isVIP")).toBool();
    r.channel = channel::kindOfSession(item);
    r.sourceSaid = item.contains(QLatin1String("source")) || item.contains(QLatin1String("metadata"));
    r.searchText = QStringList{r.sessionId, r.customerName, customer.value(QLatin1String("id")).toString(), r.queue,
        item.value(QLatin1String("reason")).toString(), item.value(QLatin1String("issueSummary")).toString(),
        item.value(QLatin1String("lastMessage")).toObject().value(QLatin1String("content")).toString(), r.assigneeName}
                       .join(QLatin1Char('\n'))
                       .toLower();
    return r;
}

int QueueModel::priorityRank(const QString &priority)
{
    static const QStringList order{
        QStringLiteral("urgent"), QStringLiteral("high"), QStringLiteral("normal"), QStringLiteral("low")};
    const qsizetype i = order.indexOf(priority);
    return i < 0 ? 4 : static_cast<int>(i);
}

int QueueModel::slaRank(const QString &state)
{
    if (state == QLatin1String("breached"))
        return 0;
    return state == QLatin1String("warning") ? 1 : 2;
}

QString QueueModel::formatDuration(qint64 secs)
{
    const qint64 s = qAbs(secs);
    QString text;
    if (s >= 86400)
        text = tr("%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
    else if (s >= 3600)
        text = QStringLiteral("%1:%2:%3")
                   .arg(s / 3600)
                   .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                   .arg(s % 60, 2, 10, QLatin1Char('0'));
    else
        text = QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return secs < 0 ? QStringLiteral("-") + text : text;
}

QString QueueModel::effectiveSla(const QueueRow &r) const
{
    // The server's state can lag the deadline by up to its own tick: once the
    // due time has passed here, show it breached.
    if (r.dueMs > 0 && m_now() >= r.dueMs)
        return QStringLiteral("breached");
    return r.slaState.isEmpty() ? QStringLiteral("ok") : r.slaState;
}

QString QueueModel::channelOf(const QueueRow &r) const
{
    if (r.channel != QLatin1String("chat"))
        return r.channel;
    return channel::kindOf(r.channel, m_sources.value(r.sessionId));
}

QVariant QueueModel::display(const QueueRow &r, int column) const
{
    const QJsonObject &it = r.item;
    switch (column) {
    case Priority:
        return display::titleCase(r.priority);
    case Sla:
        if (r.dueMs <= 0)
            return QStringLiteral("—");
        return m_now() >= r.dueMs ? tr("%1 late").arg(formatDuration((m_now() - r.dueMs) / 1000))
                                  : formatDuration((r.dueMs - m_now()) / 1000);
    case Customer:
        return r.vip ? QStringLiteral("★ ") + r.customerName : r.customerName;
    case Queue:
        return display::titleCase(r.queue);
    case Reason:
        return display::enumLabel(it.value(QLatin1String("reason")).toString());
    case Sentiment:
        return display::enumLabel(it.value(QLatin1String("sentiment")).toString());
    case Waiting:
        return r.queuedAtMs > 0 ? formatDuration(qMax<qint64>(0, m_now() - r.queuedAtMs) / 1000) : QString();
    case Assignee:
        return r.assigneeName.isEmpty() ? (r.assigneeId.isEmpty() ? QStringLiteral("—") : r.assigneeId)
                                        : r.assigneeName;
    case SnoozedUntil:
        return r.snoozedUntilMs > 0 ? tr("until %1")
                                          .arg(display::when(QDateTime::fromMSecsSinceEpoch(r.snoozedUntilMs),
                                              QDateTime::fromMSecsSinceEpoch(m_now())))
                                    : QString();
    case Summary: {
        QString s = it.value(QLatin1String("issueSummary")).toString();
        if (s.isEmpty())
            s = it.value(QLatin1String("lastMessage")).toObject().value(QLatin1String("content")).toString();
        return s.simplified();
    }
    default:
        return {};
    }
}

QVariant QueueModel::sortKey(const QueueRow &r, int column) const
{
    switch (column) {
    case Priority:
        // The server's order: breached first, then priority, then the oldest.
        return (slaRank(effectiveSla(r)) * 5 + priorityRank(r.priority)) * 10'000'000'000'000LL + r.queuedAtMs;
    case Sla:
        return r.dueMs > 0 ? r.dueMs : std::numeric_limits<qint64>::max();
    case Waiting:
        return r.queuedAtMs > 0 ? m_now() - r.queuedAtMs : 0;
    case SnoozedUntil:
        return r.snoozedUntilMs;
    case Sentiment:
        return display::sentimentLevel(r.item.value(QLatin1String("sentiment")).toString());
    default:
        return display(r, column).toString().toLower();
    }
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Sla && !m_slaNote.isEmpty())
            return m_slaNote;
        if (index.column() == SnoozedUntil && r.snoozedUntilMs > 0)
            return tr("Back in the queue at %1, or as soon as the customer writes")
                .arg(display::dateTimeOfMs(r.snoozedUntilMs));
        if (index.column() == Customer)
            return tr("%1 · %2").arg(display(r, Customer).toString(), channel::label(channelOf(r)));
        return index.column() == Summary ? display(r, Summary) : QVariant();
    case Qt::DecorationRole:
        return index.column() == Customer ? QVariant(channel::icon(channelOf(r))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Sla || index.column() == Waiting ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                  : QVariant();
    case Qt::BackgroundRole:
        if (index.column() == Sla) {
            const QString s = effectiveSla(r);
            if (s == QLatin1String("breached"))
                return QColor(0xf8, 0xd7, 0xda);
            if (s == QLatin1String("warning"))
                return QColor(0xff, 0xec, 0xb3);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Sla) {
            const QString s = effectiveSla(r);
            if (s == QLatin1String("breached"))
                return QColor(0x9b, 0x1c, 0x1c);
            if (s == QLatin1String("warning"))
                return QColor(0x7a, 0x4b, 0x00);
        }
        if (index.column() == Customer && r.vip)
            return QColor(0x8a, 0x5a, 0x00);
        if (index.column() == Priority && priorityRank(r.priority) <= 1)
            return r.priority == QLatin1String("urgent") ? QColor(0xb4, 0x23, 0x18) : QColor(0xb4, 0x5f, 0x06);
        return {};
    case Qt::FontRole:
        if ((index.column() == Priority && r.priority == QLatin1String("urgent"))
            || (index.column() == Sla && effectiveSla(r) == QLatin1String("breached"))) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SortRole:
        return sortKey(r, index.column());
    case SessionIdRole:
        return r.sessionId;
    case QueueRole:
        return r.queue;
    case PriorityRole:
        return r.priority;
    case SlaStateRole:
        return effectiveSla(r);
    case AssigneeIdRole:
        return r.assigneeId;
    case VipRole:
        return r.vip;
    case SearchTextRole:
        return r.searchText;
    case ItemRole:
        return r.item;
    case ChannelRole:
        return channelOf(r);
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Sla && !m_slaNote.isEmpty())
        return m_slaNote;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[] = {QT_TR_NOOP("Priority"), QT_TR_NOOP("SLA"), QT_TR_NOOP("Customer"),
        QT_TR_NOOP("Queue"), QT_TR_NOOP("Reason"), QT_TR_NOOP("Sentiment"), QT_TR_NOOP("Waiting"), QT_TR_NOOP("Holder"),
        QT_TR_NOOP("Snoozed"), QT_TR_NOOP("Summary")};
    return tr(names[section]);
}

void QueueModel::setSource(const QString &sessionId, const QString &source)
{
    if (m_sources.contains(sessionId) && m_sources.value(sessionId) == source)
        return;
    m_sources.insert(sessionId, source);
    if (const int row = rowOf(sessionId); row >= 0)
        emit dataChanged(index(row, 0), index(row, Customer), {Qt::DecorationRole, Qt::ToolTipRole, ChannelRole});
}

QStringList QueueModel::chatSessionsWithoutSource() const
{
    QStringList ids;
    for (const QueueRow &r : m_rows)
        if (r.channel == QLatin1String("chat") && !r.sourceSaid && !m_sources.contains(r.sessionId))
            ids << r.sessionId;
    return ids;
}

void QueueModel::setItems(const QJsonArray &items)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &v : items) {
        QueueRow r = parse(v.toObject());
        if (!r.sessionId.isEmpty())
            m_rows.append(std::move(r));
    }
    reindex();
    endResetModel();
    emit countsChanged();
}

void QueueModel::applyEvents(const QList<QJsonObject> &events)
{
    bool changed = false;
    for (const QJsonObject &e : events) {
        const QString type = e.value(QLatin1String("type")).toString();
        const QJsonObject data = e.value(QLatin1String("data")).toObject();
        if (type == QLatin1String("queue.removed")) {
            QString id = data.value(QLatin1String("sessionId")).toString();
            remove(id.isEmpty() ? e.value(QLatin1String("sessionId")).toString() : id);
            changed = true;
        } else if (type == QLatin1String("queue.added") || type == QLatin1String("queue.updated")
            || type == QLatin1String("sla.warning") || type == QLatin1String("sla.breached")) {
            upsert(data);
            changed = true;
        }
    }
    if (changed)
        emit countsChanged();
}

int QueueModel::rowOf(const QString &sessionId) const
{
    return m_index.value(sessionId, -1);
}

QueueModel::Counts QueueModel::counts() const
{
    Counts c;
    for (const QueueRow &r : m_rows) {
        if (r.assigneeId.isEmpty())
            ++c.waiting;
        else
            ++c.claimed;
        if (effectiveSla(r) == QLatin1String("breached"))
            ++c.breached;
    }
    return c;
}

void QueueModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    tick();
}

void QueueModel::setSlaNote(const QString &note)
{
    if (note == m_slaNote)
        return;
    m_slaNote = note;
    emit headerDataChanged(Qt::Horizontal, Sla, Sla);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Sla), index(int(m_rows.size()) - 1, Sla), {Qt::ToolTipRole});
}

void QueueModel::tick()
{
    if (m_rows.isEmpty())
        return;
    const int last = static_cast<int>(m_rows.size()) - 1;
    const QList<int> roles{
        Qt::DisplayRole, Qt::BackgroundRole, Qt::ForegroundRole, Qt::FontRole, SortRole, SlaStateRole};
    emit dataChanged(index(0, Sla), index(last, Sla), roles);
    emit dataChanged(index(0, Waiting), index(last, Waiting), {Qt::DisplayRole, SortRole});
}

void QueueModel::upsert(const QJsonObject &item)
{
    QueueRow r = parse(item);
    if (r.sessionId.isEmpty())
        return;
    const int row = rowOf(r.sessionId);
    if (row >= 0) {
        m_rows[row] = std::move(r);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(std::move(r));
    m_index.insert(m_rows.constLast().sessionId, at);
    endInsertRows();
}

void QueueModel::remove(const QString &sessionId)
{
    const int row = rowOf(sessionId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    reindex();
    endRemoveRows();
}

void QueueModel::reindex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).sessionId, i);
}

} // namespace tierdesk::ui
