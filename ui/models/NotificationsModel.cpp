#include "ui/models/NotificationsModel.h"

#include "ui/models/CustomerLabel.h"
#include "ui/models/Display.h"

#include <QJsonArray>

namespace tierdesk::ui {
namespace {
// The excerpt or comment as one short line.
QString quoted(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > 80)
        line = line.left(79) + QChar(0x2026);
    return line;
}
} // namespace

NotificationsModel::NotificationsModel(QObject *parent) : QAbstractListModel(parent) { }

NotificationsModel::Entry NotificationsModel::fromMention(const QJsonObject &mention)
{
    const QString from = mention.value(QLatin1String("from")).toObject().value(QLatin1String("name")).toString();
    const QString excerpt = quoted(mention.value(QLatin1String("excerpt")).toString());
    const QString who = from.isEmpty() ? tr("A colleague") : from;
    return {Mention, mention.value(QLatin1String("id")).toString(),
        mention.value(QLatin1String("sessionId")).toString(),
        excerpt.isEmpty() ? tr("%1 mentioned you in a note").arg(who) : tr("%1 mentioned you: “%2”").arg(who, excerpt),
        display::parseTime(mention.value(QLatin1String("createdAt")).toString())};
}

NotificationsModel::Entry NotificationsModel::fromLowRating(const QJsonObject &event)
{
    const QJsonObject data = event.value(QLatin1String("data")).toObject();
    const QJsonObject rating = data.value(QLatin1String("rating")).toObject();
    const QJsonObject session = data.value(QLatin1String("session")).toObject();
    QString sessionId = rating.value(QLatin1String("sessionId")).toString();
    if (sessionId.isEmpty())
        sessionId = event.value(QLatin1String("sessionId")).toString();
    QString customer = CustomerLabel::of(
        session.value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject());
    if (customer.isEmpty())
        customer = tr("A customer");
    const int stars = rating.value(QLatin1String("rating")).toInt();
    const QString comment = quoted(rating.value(QLatin1String("comment")).toString());
    const QString agent = rating.value(QLatin1String("agent")).toObject().value(QLatin1String("name")).toString();
    QString text = comment.isEmpty()
        ? tr("%1 rated the conversation %2 of 5").arg(customer).arg(stars)
        : tr("%1 rated the conversation %2 of 5: “%3”").arg(customer).arg(stars).arg(comment);
    if (!agent.isEmpty())
        text += tr(" (answered by %1)").arg(agent);
    qint64 at = display::parseTime(rating.value(QLatin1String("ratedAt")).toString());
    if (at <= 0)
        at = display::parseTime(event.value(QLatin1String("timestamp")).toString());
    return {LowRating, sessionId, sessionId, text, at};
}

bool NotificationsModel::add(const Entry &entry)
{
    if (entry.sessionId.isEmpty())
        return false;
    for (const Entry &e : std::as_const(m_entries))
        if (e.kind == entry.kind && e.id == entry.id)
            return false;
    // Newest first.
    int row = 0;
    while (row < m_entries.size() && m_entries.at(row).atMs > entry.atMs)
        ++row;
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
    if (m_entries.size() > kMaxEntries) {
        beginRemoveRows({}, kMaxEntries, m_entries.size() - 1);
        m_entries.resize(kMaxEntries);
        endRemoveRows();
    }
    return true;
}

void NotificationsModel::setMentions(const QJsonArray &mentions)
{
    for (int row = m_entries.size() - 1; row >= 0; --row)
        if (m_entries.at(row).kind == Mention)
            remove(row);
    for (const QJsonValue &v : mentions)
        add(fromMention(v.toObject()));
}

QStringList NotificationsModel::applyEvents(const QList<QJsonObject> &events)
{
    QStringList news;
    for (const QJsonObject &e : events) {
        const QString type = e.value(QLatin1String("type")).toString();
        Entry entry;
        if (type == QLatin1String("mention"))
            entry = fromMention(e.value(QLatin1String("mention")).toObject());
        else if (type == QLatin1String("satisfaction.low"))
            entry = fromLowRating(e);
        else
            continue;
        if (add(entry))
            news << entry.text;
    }
    return news;
}

void NotificationsModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void NotificationsModel::remove(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

int NotificationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant NotificationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.text;
    case Qt::ToolTipRole:
        return e.atMs > 0 ? display::dateTimeOfMs(e.atMs) : QVariant();
    case SessionIdRole:
        return e.sessionId;
    case KindRole:
        return e.kind;
    case IdRole:
        return e.id;
    case TimeRole:
        return e.atMs;
    default:
        return {};
    }
}

} // namespace tierdesk::ui
