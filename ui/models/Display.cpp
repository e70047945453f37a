#include "ui/models/Display.h"

#include "core/common/Money.h"
#include "core/common/Time.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QStringList>

namespace tierdesk::ui::display {
namespace {

// The console's locale for amounts: the C locale puts the sign after the number ("45.00€").
QLocale moneyLocale()
{
    const QLocale locale;
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
}

const QStringList &sentiments()
{
    static const QStringList all{QStringLiteral("HAPPY"), QStringLiteral("SATISFIED"), QStringLiteral("NEUTRAL"),
        QStringLiteral("FRUSTRATED"), QStringLiteral("ANGRY"), QStringLiteral("IRATE")};
    return all;
}

// The API's fixed words (Enums.cpp, DeskConfig.cpp, the order and customer fields) with the
// English the generic spelling gives, so lupdate sees each one and German gets its own word.
const QHash<QString, const char *> &knownEnums()
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("ACTIVE"), QT_TRANSLATE_NOOP("Display", "Active")},
        {QStringLiteral("WAITING_CUSTOMER"), QT_TRANSLATE_NOOP("Display", "Waiting customer")},
        {QStringLiteral("ESCALATED"), QT_TRANSLATE_NOOP("Display", "Escalated")},
        {QStringLiteral("RESOLVED"), QT_TRANSLATE_NOOP("Display", "Resolved")},
        {QStringLiteral("ABANDONED"), QT_TRANSLATE_NOOP("Display", "Abandoned")},
        {QStringLiteral("BILLING"), QT_TRANSLATE_NOOP("Display", "Billing")},
        {QStringLiteral("SHIPPING"), QT_TRANSLATE_NOOP("Display", "Shipping")},
        {QStringLiteral("PRODUCT_QUALITY"), QT_TRANSLATE_NOOP("Display", "Product quality")},
        {QStringLiteral("SUBSCRIPTION"), QT_TRANSLATE_NOOP("Display", "Subscription")},
        {QStringLiteral("REFUND"), QT_TRANSLATE_NOOP("Display", "Refund")},
        {QStringLiteral("TECHNICAL"), QT_TRANSLATE_NOOP("Display", "Technical")},
        {QStringLiteral("ACCOUNT"), QT_TRANSLATE_NOOP("Display", "Account")},
        {QStringLiteral("GENERAL_INQUIRY"), QT_TRANSLATE_NOOP("Display", "General inquiry")},
        {QStringLiteral("COMPLAINT"), QT_TRANSLATE_NOOP("Display", "Complaint")},
        {QStringLiteral("CANCELLATION"), QT_TRANSLATE_NOOP("Display", "Cancellation")},
        {QStringLiteral("HAPPY"), QT_TRANSLATE_NOOP("Display", "Happy")},
        {QStringLiteral("SATISFIED"), QT_TRANSLATE_NOOP("Display", "Satisfied")},
        {QStringLiteral("NEUTRAL"), QT_TRANSLATE_NOOP("Display", "Neutral")},
        {QStringLiteral("FRUSTRATED"), QT_TRANSLATE_NOOP("Display", "Frustrated")},
        {QStringLiteral("ANGRY"), QT_TRANSLATE_NOOP("Display", "Angry")},
        {QStringLiteral("IRATE"), QT_TRANSLATE_NOOP("Display", "Irate")},
        {QStringLiteral("IRATE_CUSTOMER"), QT_TRANSLATE_NOOP("Display", "Irate customer")},
        {QStringLiteral("REFUND_REQUEST"), QT_TRANSLATE_NOOP("Display", "Refund request")},
        {QStringLiteral("COMPLEX_ISSUE"), QT_TRANSLATE_NOOP("Display", "Complex issue")},
        {QStringLiteral("REPEAT_CONTACT"), QT_TRANSLATE_NOOP("Display", "Repeat contact")},
        {QStringLiteral("HIGH_VALUE_CUSTOMER"), QT_TRANSLATE_NOOP("Display", "High value customer")},
        {QStringLiteral("LEGAL_MENTION"), QT_TRANSLATE_NOOP("Display", "Legal mention")},
        {QStringLiteral("SOCIAL_MEDIA_THREAT"), QT_TRANSLATE_NOOP("Display", "Social media threat")},
        {QStringLiteral("REFUND_OVER_THRESHOLD"), QT_TRANSLATE_NOOP("Display", "Refund over threshold")},
        {QStringLiteral("CUSTOMER_REQUEST"), QT_TRANSLATE_NOOP("Display", "Customer request")},
        {QStringLiteral("POLICY_EXCEPTION"), QT_TRANSLATE_NOOP("Display", "Policy exception")},
        {QStringLiteral("ESCALATED_COMPLAINT"), QT_TRANSLATE_NOOP("Display", "Escalated complaint")},
        {QStringLiteral("TECHNICAL_LIMITATION"), QT_TRANSLATE_NOOP("Display", "Technical limitation")},
        {QStringLiteral("INFORMATION_PROVIDED"), QT_TRANSLATE_NOOP("Display", "Information provided")},
        {QStringLiteral("ISSUE_RESOLVED"), QT_TRANSLATE_NOOP("Display", "Issue resolved")},
        {QStringLiteral("REFUND_PROCESSED"), QT_TRANSLATE_NOOP("Display", "Refund processed")},
        {QStringLiteral("REPLACEMENT_SENT"), QT_TRANSLATE_NOOP("Display", "Replacement sent")},
        {QStringLiteral("CREDIT_APPLIED"), QT_TRANSLATE_NOOP("Display", "Credit applied")},
        {QStringLiteral("SUBSCRIPTION_MODIFIED"), QT_TRANSLATE_NOOP("Display", "Subscription modified")},
        {QStringLiteral("ESCALATED_TO_HUMAN"), QT_TRANSLATE_NOOP("Display", "Escalated to human")},
        {QStringLiteral("CUSTOMER_SATISFIED"), QT_TRANSLATE_NOOP("Display", "Customer satisfied")},
        {QStringLiteral("UNRESOLVED"), QT_TRANSLATE_NOOP("Display", "Unresolved")},
        {QStringLiteral("HUMAN_AGENT"), QT_TRANSLATE_NOOP("Display", "Human agent")},
        {QStringLiteral("CUSTOMER"), QT_TRANSLATE_NOOP("Display", "Customer")},
        {QStringLiteral("SYSTEM"), QT_TRANSLATE_NOOP("Display", "System")},
        {QStringLiteral("PENDING"), QT_TRANSLATE_NOOP("Display", "Pending")},
        {QStringLiteral("PROCESSING"), QT_TRANSLATE_NOOP("Display", "Processing")},
        {QStringLiteral("SHIPPED"), QT_TRANSLATE_NOOP("Display", "Shipped")},
        {QStringLiteral("DELIVERED"), QT_TRANSLATE_NOOP("Display", "Delivered")},
        {QStringLiteral("CANCELLED"), QT_TRANSLATE_NOOP("Display", "Cancelled")},
        {QStringLiteral("REFUNDED"), QT_TRANSLATE_NOOP("Display", "Refunded")},
        {QStringLiteral("PAUSED"), QT_TRANSLATE_NOOP("Display", "Paused")},
    };
    return words;
}

// Lower-case words: priorities, channels, roles, the default queues, customer tiers, tones.
const QHash<QString, const char *> &knownWords()
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("urgent"), QT_TRANSLATE_NOOP("Display", "Urgent")},
        {QStringLiteral("high"), QT_TRANSLATE_NOOP("Display", "High")},
        {QStringLiteral("normal"), QT_TRANSLATE_NOOP("Display", "Normal")},
        {QStringLiteral("low"), QT_TRANSLATE_NOOP("Display", "Low")},
        {QStringLiteral("voice"), QT_TRANSLATE_NOOP("Display", "Voice")},
        {QStringLiteral("chat"), QT_TRANSLATE_NOOP("Display", "Chat")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("Display", "Email")},
        {QStringLiteral("sms"), QT_TRANSLATE_NOOP("Display", "Sms")},
        {QStringLiteral("agent"), QT_TRANSLATE_NOOP("Display", "Agent")},
        {QStringLiteral("supervisor"), QT_TRANSLATE_NOOP("Display", "Supervisor")},
        {QStringLiteral("admin"), QT_TRANSLATE_NOOP("Display", "Admin")},
        {QStringLiteral("orders"), QT_TRANSLATE_NOOP("Display", "Orders")},
        {QStringLiteral("complaints"), QT_TRANSLATE_NOOP("Display", "Complaints")},
        {QStringLiteral("inquiries"), QT_TRANSLATE_NOOP("Display", "Inquiries")},
        {QStringLiteral("bronze"), QT_TRANSLATE_NOOP("Display", "Bronze")},
        {QStringLiteral("silver"), QT_TRANSLATE_NOOP("Display", "Silver")},
        {QStringLiteral("gold"), QT_TRANSLATE_NOOP("Display", "Gold")},
        {QStringLiteral("platinum"), QT_TRANSLATE_NOOP("Display", "Platinum")},
        {QStringLiteral("friendly"), QT_TRANSLATE_NOOP("Display", "Friendly")},
        {QStringLiteral("formal"), QT_TRANSLATE_NOOP("Display", "Formal")},
        {QStringLiteral("empathetic"), QT_TRANSLATE_NOOP("Display", "Empathetic")},
        {QStringLiteral("concise"), QT_TRANSLATE_NOOP("Display", "Concise")},
    };
    return words;
}

// The locale's short time without seconds (some locales, C among them, write them even there).
QString shortTimeFormat()
{
    return QLocale().timeFormat(QLocale::ShortFormat).remove(QStringLiteral(":ss"));
}

QString clockText(const QTime &t)
{
    return QLocale().toString(t, shortTimeFormat());
}

QString dateAndClock(const QDateTime &t)
{
    return QLocale().toString(t, QLocale().dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + shortTimeFormat());
}

} // namespace

QString enumLabel(const QString &name)
{
    if (name.isEmpty())
        return {};
    if (const char *known = knownEnums().value(name))
        return QCoreApplication::translate("Display", known);
    QString s = name.toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    s[0] = s.at(0).toUpper();
    return s;
}

QString tierLabel(const QString &tier)
{
    if (tier == QLatin1String("AI_REP"))
        return QCoreApplication::translate("Display", "AI Rep");
    if (tier == QLatin1String("AI_MANAGER"))
        return QCoreApplication::translate("Display", "AI Manager");
    return enumLabel(tier);
}

QString titleCase(const QString &word)
{
    if (word.isEmpty())
        return word;
    if (const char *known = knownWords().value(word))
        return QCoreApplication::translate("Display", known);
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

QString dateTime(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return dateAndClock(t.timeSpec() == Qt::UTC ? t.toLocalTime() : t);
}

QString dateTimeOfMs(qint64 msSinceEpoch)
{
    return msSinceEpoch > 0 ? dateTime(QDateTime::fromMSecsSinceEpoch(msSinceEpoch)) : QString();
}

QString date(const QDate &d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

QString time(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return clockText((t.timeSpec() == Qt::UTC ? t.toLocalTime() : t).time());
}

QString when(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return {};
    // Compare calendar days in t's zone, so a company's wall clock keeps its own days.
    const QDateTime local = t.timeSpec() == Qt::UTC ? t.toLocalTime() : t;
    const QDate today = now.toTimeZone(local.timeZone()).date();
    const qint64 days = today.daysTo(local.date());
    const QString clock = clockText(local.time());
    if (days == 0)
        return clock;
    if (days == 1)
        return QCoreApplication::translate("Display", "tomorrow %1").arg(clock);
    if (days == -1)
        return QCoreApplication::translate("Display", "yesterday %1").arg(clock);
    if (days > 1 && days < 6)
        return QStringLiteral("%1 %2").arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat), clock);
    return dateAndClock(local);
}

QString money(double amount, const QString &currency)
{
    return formatMoney(amount, currency.isEmpty() ? QStringLiteral("USD") : currency, moneyLocale());
}

std::pair<QString, QString> moneyAffixes(const QString &currency)
{
    const QString text = money(0, currency);
    const QString number = moneyLocale().toString(0.0, 'f', 2);
    const qsizetype at = text.indexOf(number);
    if (at < 0)
        return {QString(), QLatin1Char(' ') + currencySymbol(currency)};
    return {text.left(at), text.mid(at + number.size())};
}

} // namespace tierdesk::ui::display
