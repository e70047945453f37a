#pragma once

// JSON as docs/api.md and the desk contract define it: QueueItems, events and
// a GET session body, for the console's model tests.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace tierdesk::test {

struct QueueItemSpec {
    QString sessionId;
    QString queue = QStringLiteral("orders");
    QString priority = QStringLiteral("normal");
    QString slaState = QStringLiteral("ok");
    QString queuedAt = QStringLiteral("2025-03-01T10:00:00.000Z");
    QString firstResponseDue = QStringLiteral("2025-03-01T10:15:00.000Z");
    QString firstResponseAt;
    QString assigneeId;
    QString assigneeName;
    QString customerName = QStringLiteral("Ben Ortiz");
    bool vip = false;
    QString summary = QStringLiteral("Parcel not delivered");
};

inline QueueItemSpec spec(const QString &sessionId)
{
    QueueItemSpec s;
    s.sessionId = sessionId;
    return s;
}

inline QJsonObject queueItem(const QueueItemSpec &s)
{
    return QJsonObject{
        {QStringLiteral("sessionId"), s.sessionId},
        {QStringLiteral("queue"), s.queue},
        {QStringLiteral("priority"), s.priority},
        {QStringLiteral("reason"), QStringLiteral("IRATE_CUSTOMER")},
        {QStringLiteral("fromTier"), QStringLiteral("AI_MANAGER")},
        {QStringLiteral("status"), QStringLiteral("ESCALATED")},
        {QStringLiteral("channel"), QStringLiteral("chat")},
        {QStringLiteral("sentiment"), QStringLiteral("ANGRY")},
        {QStringLiteral("issueCategory"), QStringLiteral("SHIPPING")},
        {QStringLiteral("issueSummary"), s.summary},
        {QStringLiteral("customer"),
            QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("cust_") + s.sessionId)},
                {QStringLiteral("name"), s.customerName}, {QStringLiteral("tier"), QStringLiteral("gold")},
                {QStringLiteral("isVIP"), s.vip}}},
        {QStringLiteral("queuedAt"), s.queuedAt},
        {QStringLiteral("waitingSeconds"), 60},
        {QStringLiteral("sla"),
            QJsonObject{{QStringLiteral("state"), s.slaState}, {QStringLiteral("firstResponseDue"), s.firstResponseDue},
                {QStringLiteral("resolutionDue"), QStringLiteral("2025-03-01T14:00:00.000Z")},
                {QStringLiteral("firstResponseAt"),
                    s.firstResponseAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.firstResponseAt)}}},
        {QStringLiteral("assignee"),
            s.assigneeId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(QJsonObject{{QStringLiteral("id"), s.assigneeId},
                                       {QStringLiteral("name"), s.assigneeName}})},
        {QStringLiteral("claimedAt"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lastMessage"),
            QJsonObject{{QStringLiteral("role"), QStringLiteral("customer")},
                {QStringLiteral("content"), QStringLiteral("Where is my parcel?")},
                {QStringLiteral("timestamp"), s.queuedAt}}},
    };
}

inline QJsonObject wsEvent(const QString &type, const QString &sessionId, const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("companyId"), QStringLiteral("comp_1")},
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("timestamp"), QStringLiteral("2025-03-01T10:05:00.000Z")}, {QStringLiteral("data"), data}};
}

inline QJsonObject message(
    const QString &id, const QString &role, const QString &content, const QJsonObject &metadata = {})
{
    QJsonObject m{{QStringLiteral("id"), id}, {QStringLiteral("role"), role}, {QStringLiteral("content"), content},
        {QStringLiteral("timestamp"), QStringLiteral("2025-03-01T10:01:00.000Z")}};
    if (role == QLatin1String("customer"))
        m.insert(QStringLiteral("sentiment"), QStringLiteral("ANGRY"));
    if (!metadata.isEmpty())
        m.insert(QStringLiteral("metadata"), metadata);
    return m;
}

} // namespace tierdesk::test
