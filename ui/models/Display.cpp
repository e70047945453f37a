#include "ui/models/Display.h"

#include "core/common/Time.h"

#include <QStringList>

namespace tierdesk::ui::display {
namespace {

const QStringList &sentiments()
{
    static const QStringList all{QStringLiteral("HAPPY"),      QStringLiteral("SATISFIED"), QStringLiteral("NEUTRAL"),
                                 QStringLiteral("FRUSTRATED"), QStringLiteral("ANGRY"),     QStringLiteral("IRATE")};
    return all;
}

} // namespace

QString enumLabel(const QString &name)
{
    if (name.isEmpty())
        return {};
    QString s = name.toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    s[0] = s.at(0).toUpper();
    return s;
}

QString tierLabel(const QString &tier)
{
    if (tier == QLatin1String("AI_REP"))
        return QStringLiteral("AI Rep");
    if (tier == QLatin1String("AI_MANAGER"))
        return QStringLiteral("AI Manager");
    return enumLabel(tier);
}

QString titleCase(const QString &word)
{
    if (word.isEmpty())
        return word;
    return word.at(0).toUpper() + word.mid(1);
}

qint64 parseTime(const QString &iso)
{
    if (iso.isEmpty())
        return 0;
    const QDateTime t = timefmt::parseIso(iso);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

int sentimentLevel(const QString &sentiment)
{
    return static_cast<int>(sentiments().indexOf(sentiment));
}

QString sentimentCode(int level)
{
    return level >= 0 && level < sentiments().size() ? sentiments().at(level) : QString();
}

QString sentimentName(int level)
{
    return level >= 0 && level < sentiments().size() ? enumLabel(sentiments().at(level)) : QString();
}

QColor sentimentColor(int level)
{
    static const QColor colors[] = {QColor(0x2e, 0x9e, 0x5b), QColor(0x7c, 0xb3, 0x42), QColor(0x90, 0x98, 0xa4),
                                    QColor(0xe0, 0x9b, 0x2d), QColor(0xe0, 0x65, 0x2d), QColor(0xc6, 0x28, 0x28)};
    return level >= 0 && level < 6 ? colors[level] : QColor(0x90, 0x98, 0xa4);
}

} // namespace tierdesk::ui::display
