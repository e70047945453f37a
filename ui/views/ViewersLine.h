#pragma once

#include <QJsonArray>
#include <QLabel>
#include <QStringList>

namespace tierdesk::ui {

// "Bob Baker is also here  ·  Kim Lee is typing a reply…": the others who have the
// conversation open, from the WebSocket's "viewers" event; hidden when nobody else does.
class ViewersLine : public QLabel {
    Q_OBJECT

public:
    explicit ViewersLine(QWidget *parent = nullptr);

    // The event's list; `ownAgentId` (this console's person) is left out.
    void setViewers(const QJsonArray &viewers, const QString &ownAgentId);
    // What the line says ("" when hidden).
    QString said() const;
    // Who of the others is typing a reply to the customer now (notes left out).
    const QStringList &replyWriters() const { return m_replyWriters; }

private:
    QStringList m_replyWriters;
};

} // namespace tierdesk::ui
