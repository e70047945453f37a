#include "ui/models/TranscriptModel.h"

#include "ui/models/Display.h"

namespace tierdesk::ui {

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractListModel(parent) { }

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QString TranscriptModel::authorOf(const QJsonObject &m)
{
    const QString role = m.value(QLatin1String("role")).toString();
    const QJsonObject meta = m.value(QLatin1String("metadata")).toObject();
    if (role == QLatin1String("customer"))
        return tr("Customer");
    if (role == QLatin1String("ai_rep"))
        return tr("AI Rep");
    if (role == QLatin1String("ai_manager"))
        return tr("AI Manager");
    const QString name = meta.value(QLatin1String("agentName")).toString();
    if (role == QLatin1String("internal_note"))
        return name.isEmpty() ? tr("Note") : tr("Note · %1").arg(name);
    if (role == QLatin1String("human_agent"))
        return name.isEmpty() ? tr("Agent") : name;
    return display::enumLabel(role.toUpper());
}

QString TranscriptModel::aiSummaryOf(const QJsonObject &m)
{
    const QJsonObject meta = m.value(QLatin1String("metadata")).toObject();
    if (!meta.value(QLatin1String("aiGenerated")).toBool())
        return {};
    QStringList parts;
    if (const QString intent = meta.value(QLatin1String("intent")).toString(); !intent.isEmpty())
        parts << intent;
    if (meta.contains(QLatin1String("confidence")))
        parts << QStringLiteral("%1%").arg(qRound(meta.value(QLatin1String("confidence")).toDouble() * 100));
    QStringList actions;
    for (const QJsonValue &a : meta.value(QLatin1String("actionsTaken")).toArray())
        actions << a.toString();
    if (!actions.isEmpty())
        parts << tr("actions: %1").arg(actions.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" · "));
}

// How an AI reply was made: the model, the tokens the provider counted, the turn's latency,
// and when the built-in responder's words went out instead of the model's, why.
QString TranscriptModel::aiDetailOf(const QJsonObject &m)
{
    const QJsonObject meta = m.value(QLatin1String("metadata")).toObject();
    if (!meta.value(QLatin1String("aiGenerated")).toBool() || !meta.contains(QLatin1String("model")))
        return {};
    QStringList parts;
    if (const QString model = meta.value(QLatin1String("model")).toString(); !model.isEmpty())
        parts << model;
    const QJsonObject tokens = meta.value(QLatin1String("tokens")).toObject();
    if (!tokens.isEmpty())
        parts << tr("%1 + %2 tokens")
                     .arg(tokens.value(QLatin1String("input")).toInt())
                     .arg(tokens.value(QLatin1String("output")).toInt());
    if (meta.contains(QLatin1String("latencyMs")))
        parts << tr("%1 ms").arg(meta.value(QLatin1String("latencyMs")).toInt());
    const QString fallback = meta.value(QLatin1String("fallback")).toString();
    if (fallback == QLatin1String("timeout"))
        parts << tr("built-in responder answered: the model was too slow");
    else if (fallback == QLatin1String("provider_error"))
        parts << tr("built-in responder answered: the provider failed");
    else if (fallback == QLatin1String("guard"))
        parts << tr("built-in responder answered: the model's reply broke the guard");
    else if (!fallback.isEmpty())
        parts << tr("built-in responder answered: %1").arg(fallback);
    QStringList notes;
    for (const QJsonValue &n : meta.value(QLatin1String("guardNotes")).toArray())
        notes << n.toString();
    if (!notes.isEmpty())
        parts << tr("guard: %1").arg(notes.join(QStringLiteral("; ")));
    return parts.join(QStringLiteral(" · "));
}

int TranscriptModel::lastCustomerRow() const
{
    for (int i = static_cast<int>(m_messages.size()) - 1; i >= 0; --i)
        if (m_messages.at(i).value(QLatin1String("role")).toString() == QLatin1String("customer"))
            return i;
    return -1;
}

void TranscriptModel::setTranslation(const QString &messageId, const QString &text)
{
    if (text.isEmpty())
        m_translations.remove(messageId);
    else
        m_translations.insert(messageId, text);
    for (int i = 0; i < m_messages.size(); ++i)
        if (m_messages.at(i).value(QLatin1String("id")).toString() == messageId) {
            const QModelIndex at = index(i);
            emit dataChanged(at, at, {TranslationRole});
        }
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &m = m_messages.at(index.row());
    const QString speaker = m.value(QLatin1String("role")).toString();
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.value(QLatin1String("content")).toString();
    case IdRole:
        return m.value(QLatin1String("id")).toString();
    case SpeakerRole:
        return speaker;
    case TimestampRole:
        return display::parseTime(m.value(QLatin1String("timestamp")).toString());
    case SentimentRole:
        return m.value(QLatin1String("sentiment")).toString();
    case IsCustomerRole:
        return speaker == QLatin1String("customer");
    case IsNoteRole:
        return speaker == QLatin1String("internal_note");
    case IsAiRole:
        return speaker.startsWith(QLatin1String("ai_"));
    case AuthorRole:
        return authorOf(m);
    case AiSummaryRole:
        return aiSummaryOf(m);
    case MetadataRole:
        return m.value(QLatin1String("metadata")).toObject();
    case AiDetailRole:
        return aiDetailOf(m);
    case TranslationRole:
        return m_translations.value(m.value(QLatin1String("id")).toString());
    case DeliveryRole:
        return m_deliveries.value(m.value(QLatin1String("id")).toString()).status;
    case DeliveryErrorRole:
        return m_deliveries.value(m.value(QLatin1String("id")).toString()).error;
    case ChannelRole:
        return m.value(QLatin1String("metadata")).toObject().value(QLatin1String("channel")).toObject();
    case FilesRole:
        return m.value(QLatin1String("metadata")).toObject().value(QLatin1String("attachments")).toArray();
    default:
        return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"}, {SpeakerRole, "speaker"}, {ContentRole, "content"}, {TimestampRole, "timestamp"},
        {SentimentRole, "sentiment"}, {IsCustomerRole, "isCustomer"}, {IsNoteRole, "isNote"}, {IsAiRole, "isAi"},
        {AuthorRole, "author"}, {AiSummaryRole, "aiSummary"}, {MetadataRole, "metadata"}, {AiDetailRole, "aiDetail"},
        {TranslationRole, "translation"}, {DeliveryRole, "delivery"}, {DeliveryErrorRole, "deliveryError"},
        {ChannelRole, "channel"}, {FilesRole, "files"}});
    return names;
}

void TranscriptModel::setSession(const QJsonObject &session)
{
    beginResetModel();
    if (session.value(QLatin1String("id")).toString() != m_sessionId) {
        m_translations.clear();
        m_deliveries.clear();
    }
    m_sessionId = session.value(QLatin1String("id")).toString();
    m_messages.clear();
    m_ids.clear();
    for (const QJsonValue &v : session.value(QLatin1String("messages")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString id = m.value(QLatin1String("id")).toString();
        if (id.isEmpty() || m_ids.contains(id))
            continue;
        m_ids.insert(id);
        m_messages.append(m);
    }
    endResetModel();
}

bool TranscriptModel::appendMessage(const QJsonObject &message)
{
    const QString id = message.value(QLatin1String("id")).toString();
    if (id.isEmpty() || m_ids.contains(id) || !message.contains(QLatin1String("role")))
        return false;
    const int at = static_cast<int>(m_messages.size());
    beginInsertRows({}, at, at);
    m_ids.insert(id);
    m_messages.append(message);
    endInsertRows();
    return true;
}

QList<QJsonObject> TranscriptModel::applyEvents(const QList<QJsonObject> &events)
{
    QList<QJsonObject> newFromCustomer;
    if (m_sessionId.isEmpty())
        return newFromCustomer;
    for (const QJsonObject &e : events) {
        if (e.value(QLatin1String("type")).toString() != QLatin1String("message")
            || e.value(QLatin1String("sessionId")).toString() != m_sessionId)
            continue;
        // customerMessage and aiResponse today; an agent's reply or note under
        // any key: every object that looks like a stored message counts.
        const QJsonObject data = e.value(QLatin1String("data")).toObject();
        QList<QJsonObject> found;
        for (const QString &key : {QStringLiteral("customerMessage"), QStringLiteral("message"),
                 QStringLiteral("agentMessage"), QStringLiteral("aiResponse")}) {
            const QJsonObject m = data.value(key).toObject();
            if (m.contains(QLatin1String("id")) && m.contains(QLatin1String("role")))
                found << m;
        }
        for (const QJsonObject &m : found)
            if (appendMessage(m) && m.value(QLatin1String("role")).toString() == QLatin1String("customer"))
                newFromCustomer << m;
    }
    return newFromCustomer;
}

namespace {

// A long text goes out in parts: the reply is as far as its least advanced part.
int deliveryRank(const QString &status)
{
    static const QStringList order{QStringLiteral("failed"), QStringLiteral("undelivered"), QStringLiteral("skipped"),
        QStringLiteral("pending"), QStringLiteral("sent"), QStringLiteral("delivered")};
    const qsizetype i = order.indexOf(status);
    return i < 0 ? int(order.size()) : int(i);
}

} // namespace

void TranscriptModel::setDeliveries(const QJsonArray &channelMessages)
{
    QHash<QString, Delivery> next;
    for (const QJsonValue &v : channelMessages) {
        const QJsonObject row = v.toObject();
        const QString id = row.value(QLatin1String("messageId")).toString();
        if (row.value(QLatin1String("direction")).toString() != QLatin1String("out") || id.isEmpty())
            continue;
        const Delivery d{row.value(QLatin1String("status")).toString(), row.value(QLatin1String("error")).toString()};
        auto it = next.find(id);
        if (it == next.end() || deliveryRank(d.status) < deliveryRank(it->status))
            next.insert(id, d);
    }
    const QHash<QString, Delivery> before = std::exchange(m_deliveries, next);
    for (int i = 0; i < m_messages.size(); ++i) {
        const QString id = m_messages.at(i).value(QLatin1String("id")).toString();
        if (!(before.value(id) == m_deliveries.value(id)))
            emit dataChanged(index(i), index(i), {DeliveryRole, DeliveryErrorRole});
    }
}

QString TranscriptModel::lastMessageId() const
{
    return m_messages.isEmpty() ? QString() : m_messages.constLast().value(QLatin1String("id")).toString();
}

} // namespace tierdesk::ui
