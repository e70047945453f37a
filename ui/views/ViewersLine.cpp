#include "ui/views/ViewersLine.h"

#include <QJsonObject>

namespace tierdesk::ui {

ViewersLine::ViewersLine(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("conversationViewers"));
    setStyleSheet(QStringLiteral("color:#1d4ed8;"));
    setWordWrap(true);
    hide();
}

void ViewersLine::setViewers(const QJsonArray &viewers, const QString &ownAgentId)
{
    QStringList lines;
    m_replyWriters.clear();
    for (const QJsonValue &v : viewers) {
        const QJsonObject viewer = v.toObject();
        if (viewer.value(QLatin1String("agentId")).toString() == ownAgentId)
            continue;
        const QString name = viewer.value(QLatin1String("name")).toString();
        if (!viewer.value(QLatin1String("typing")).toBool()) {
            lines << tr("%1 is also here").arg(name);
        } else if (viewer.value(QLatin1String("internal")).toBool()) {
            lines << tr("%1 is writing a note…").arg(name);
        } else {
            lines << tr("%1 is typing a reply…").arg(name);
            m_replyWriters << name;
        }
    }
    setText(lines.join(QStringLiteral("  ·  ")));
    setVisible(!lines.isEmpty());
}

QString ViewersLine::said() const
{
    return isHidden() ? QString() : text();
}

} // namespace tierdesk::ui
