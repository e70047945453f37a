#pragma once

#include <QIcon>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// How the console shows a conversation's channel: one key per door (a WhatsApp conversation is a
// "chat" session whose metadata.source is "whatsapp"), its name and a small icon drawn here, so
// it looks the same on every desktop and under Xvfb.
namespace tierdesk::ui::channel {

// The keys the queue filters by, in the filter's order.
QStringList kinds(); // chat, email, sms, whatsapp, voice
// The key of a session's or queue item's channel and source ("chat" + "whatsapp" -> "whatsapp").
QString kindOf(const QString &channel, const QString &source = {});
// The key of a session object (its "channel" and "metadata.source", or a queue item's "source").
QString kindOfSession(const QJsonObject &session);
QString label(const QString &kind); // "E-mail", "WhatsApp"
QIcon icon(const QString &kind);
// A delivery state as the API spells it (pending, sent, delivered, failed, undelivered, skipped).
QString deliveryLabel(const QString &status);
// Whether a delivery state is bad news (shown in red).
bool deliveryFailed(const QString &status);
// 1536 -> "1.5 KB", in the console's language.
QString fileSize(qint64 bytes);

} // namespace tierdesk::ui::channel
