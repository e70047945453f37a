#include "ui/models/ChannelDisplay.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace tierdesk::ui::channel {
namespace {

constexpr int kIconPx = 32;

QString channelText(const char *text)
{
    return QCoreApplication::translate("tierdesk::ui::channel", text);
}

// A telephone handset inside `r`, in white (voice and WhatsApp).
void drawHandset(QPainter &p, const QRectF &r, const QColor &color)
{
    QPainterPath path;
    const qreal w = r.width(), h = r.height();
    path.moveTo(r.left() + 0.05 * w, r.top() + 0.18 * h);
    path.quadTo(r.left(), r.top() + 0.62 * h, r.left() + 0.38 * w, r.top() + h * 0.95);
    path.quadTo(r.left() + 0.72 * w, r.top() + 1.12 * h, r.right(), r.top() + 0.82 * h);
    path.lineTo(r.left() + 0.74 * w, r.top() + 0.58 * h);
    path.lineTo(r.left() + 0.58 * w, r.top() + 0.72 * h);
    path.quadTo(r.left() + 0.36 * w, r.top() + 0.6 * h, r.left() + 0.27 * w, r.top() + 0.42 * h);
    path.lineTo(r.left() + 0.42 * w, r.top() + 0.27 * h);
    path.lineTo(r.left() + 0.22 * w, r.top());
    path.closeSubpath();
    p.fillPath(path, color);
}

void drawBubble(QPainter &p, const QColor &color)
{
    QPainterPath path;
    path.addRoundedRect(QRectF(3, 5, 26, 17), 6, 6);
    QPainterPath tail;
    tail.moveTo(9, 21);
    tail.lineTo(7, 28);
    tail.lineTo(15, 21);
    tail.closeSubpath();
    p.fillPath(path.united(tail), color);
    p.setBrush(Qt::white);
    p.setPen(Qt::NoPen);
    for (int x : {10, 16, 22})
        p.drawEllipse(QPointF(x, 13.5), 1.8, 1.8);
}

void drawEnvelope(QPainter &p, const QColor &color)
{
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(3, 7, 26, 18), 3, 3);
    p.setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(QPolygonF({QPointF(5, 10), QPointF(16, 18), QPointF(27, 10)}));
}

void drawSmsPhone(QPainter &p, const QColor &color)
{
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(8, 2, 16, 28), 3, 3);
    p.setBrush(Qt::white);
    p.drawRect(QRectF(10, 5, 12, 19));
    p.drawEllipse(QPointF(16, 27), 1.3, 1.3);
    p.setPen(QPen(color, 1.6));
    for (int y : {9, 13, 17})
        p.drawLine(QPointF(12, y), QPointF(y == 17 ? 17 : 20, y));
}

void drawWhatsApp(QPainter &p, const QColor &color)
{
    QPainterPath round;
    round.addEllipse(QRectF(4, 3, 25, 25));
    QPainterPath tail;
    tail.moveTo(7, 21);
    tail.lineTo(3, 30);
    tail.lineTo(13, 26);
    tail.closeSubpath();
    p.fillPath(round.united(tail), color);
    drawHandset(p, QRectF(10, 9, 13, 13), Qt::white);
}

void drawVoice(QPainter &p, const QColor &color)
{
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(2, 2, 28, 28));
    drawHandset(p, QRectF(8, 8, 16, 16), Qt::white);
}

QIcon drawn(const QString &kind)
{
    QPixmap pm(kIconPx, kIconPx);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    if (kind == QLatin1String("email"))
        drawEnvelope(p, QColor(0xd9, 0x77, 0x06));
    else if (kind == QLatin1String("sms"))
        drawSmsPhone(p, QColor(0x7c, 0x3a, 0xed));
    else if (kind == QLatin1String("whatsapp"))
        drawWhatsApp(p, QColor(0x16, 0xa3, 0x4a));
    else if (kind == QLatin1String("voice"))
        drawVoice(p, QColor(0xdc, 0x26, 0x26));
    else
        drawBubble(p, QColor(0x25, 0x63, 0xeb));
    p.end();
    return QIcon(pm);
}

} // namespace

QStringList kinds()
{
    return {QStringLiteral("chat"), QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("whatsapp"),
        QStringLiteral("voice")};
}

QString kindOf(const QString &channel, const QString &source)
{
    const QString c = channel.toLower();
    if (c == QLatin1String("chat") && source.toLower() == QLatin1String("whatsapp"))
        return QStringLiteral("whatsapp");
    if (kinds().contains(c))
        return c;
    return QStringLiteral("chat");
}

QString kindOfSession(const QJsonObject &session)
{
    QString source = session.value(QLatin1String("source")).toString();
    if (source.isEmpty())
        source = session.value(QLatin1String("metadata")).toObject().value(QLatin1String("source")).toString();
    return kindOf(session.value(QLatin1String("channel")).toString(), source);
}

QString label(const QString &kind)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("chat"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "Chat")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "E-mail")},
        {QStringLiteral("sms"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "SMS")},
        {QStringLiteral("whatsapp"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "WhatsApp")},
        {QStringLiteral("voice"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "Voice")}};
    const char *name = names.value(kind);
    return name ? channelText(name) : kind;
}

QIcon icon(const QString &kind)
{
    static QHash<QString, QIcon> cache; // GUI thread only
    auto it = cache.find(kind);
    if (it == cache.end())
        it = cache.insert(kind, drawn(kind));
    return *it;
}

QString deliveryLabel(const QString &status)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("pending"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "sending")},
        {QStringLiteral("sent"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "sent")},
        {QStringLiteral("delivered"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "delivered")},
        {QStringLiteral("undelivered"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "undelivered")},
        {QStringLiteral("failed"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "failed")},
        {QStringLiteral("skipped"),
            QT_TRANSLATE_NOOP("tierdesk::ui::channel", "not sent (too many automatic replies)")},
        {QStringLiteral("received"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "received")},
        {QStringLiteral("stored"), QT_TRANSLATE_NOOP("tierdesk::ui::channel", "received")}};
    const char *name = names.value(status);
    return name ? channelText(name) : status;
}

bool deliveryFailed(const QString &status)
{
    return status == QLatin1String("failed") || status == QLatin1String("undelivered")
        || status == QLatin1String("skipped");
}

QString fileSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace tierdesk::ui::channel
