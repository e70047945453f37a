#include "ui/views/QueueLines.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace tierdesk::ui {

QString QueueLines::text(const QJsonArray &queues)
{
    QStringList lines;
    for (const QJsonValue &v : queues) {
        const QJsonObject q = v.toObject();
        QStringList cats;
        for (const QJsonValue &c : q.value(QLatin1String("categories")).toArray())
            cats << c.toString();
        QString line
            = q.value(QLatin1String("name")).toString() + QStringLiteral(": ") + cats.join(QStringLiteral(", "));
        if (const QString email = q.value(QLatin1String("email")).toString(); !email.isEmpty())
            line += QStringLiteral(" <") + email + QLatin1Char('>');
        lines << line.trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonArray QueueLines::parse(const QString &text)
{
    static const QRegularExpression emailPart(QStringLiteral("<([^>]*)>"));
    QJsonArray out;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QString email;
        if (const auto m = emailPart.match(line); m.hasMatch()) {
            email = m.captured(1).trimmed();
            line.remove(m.capturedStart(), m.capturedLength());
        }
        const int colon = line.indexOf(QLatin1Char(':'));
        QJsonArray cats;
        for (const QString &c :
            (colon < 0 ? QString() : line.mid(colon + 1)).split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!c.trimmed().isEmpty())
                cats.append(c.trimmed());
        out.append(QJsonObject{{QStringLiteral("name"), (colon < 0 ? line : line.left(colon)).trimmed()},
            {QStringLiteral("categories"), cats}, {QStringLiteral("email"), email}});
    }
    return out;
}

} // namespace tierdesk::ui
