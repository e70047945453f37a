#include "core/engine/admin/WeeklySummary.h"

#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace tierdesk {
namespace {

QTimeZone zoneOf(const QString &timeZone)
{
    const QTimeZone zone(timeZone.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

SummaryWeek weekFrom(const QDate &monday, const QTimeZone &zone)
{
    int year = 0;
    const int number = monday.weekNumber(&year);
    return {QStringLiteral("%1-W%2").arg(year).arg(number, 2, 10, QLatin1Char('0')), monday,
        QDateTime(monday, QTime(0, 0), zone).toMSecsSinceEpoch(),
        QDateTime(monday.addDays(7), QTime(0, 0), zone).toMSecsSinceEpoch()};
}

// The mail's words in the company's language: English, or German.
class Words {
public:
    explicit Words(Language language)
        : m_de(language == Language::De), m_locale(m_de ? QLocale::German : QLocale::English)
    {
    }
    QString operator()(const char *en, const char *de) const
    {
        return m_de ? QString::fromUtf8(de) : QString::fromUtf8(en);
    }
    QString number(double v, int decimals = 1) const { return m_locale.toString(v, 'f', decimals); }
    QString rate(const std::optional<double> &v) const
    {
        return v ? number(*v) + QStringLiteral(" %") : QStringLiteral("—");
    }
    // "+4.1 pts" / "+4,1 Pkt.": how far a rate moved since the week before.
    QString points(const std::optional<double> &now, const std::optional<double> &before) const
    {
        if (!now || !before)
            return QStringLiteral("—");
        return signedNumber(*now - *before, 1) + (m_de ? QStringLiteral(" Pkt.") : QStringLiteral(" pts"));
    }
    QString signedNumber(double v, int decimals) const
    {
        const double rounded = std::round(v * std::pow(10, decimals)) / std::pow(10, decimals);
        return (rounded > 0          ? QStringLiteral("+")
                       : rounded < 0 ? QStringLiteral("−")
                                     : QString())
            + number(std::abs(rounded), decimals);
    }
    QString money(double amount, const QString &currency) const
    {
        return number(amount, amount > 0 && amount < 0.01 ? 4 : 2) + QLatin1Char(' ') + currency;
    }
    QString day(const QDate &date) const
    {
        return m_locale.toString(date, m_de ? QStringLiteral("dddd, d. MMMM") : QStringLiteral("dddd, MMMM d"));
    }
    QString channel(const QString &name) const
    {
        const QString lower = name.toLower();
        if (lower == QLatin1String("voice"))
            return (*this)("Calls", "Anrufe");
        if (lower == QLatin1String("email"))
            return (*this)("E-mail", "E-Mail");
        if (lower == QLatin1String("sms"))
            return QStringLiteral("SMS");
        if (lower == QLatin1String("whatsapp"))
            return QStringLiteral("WhatsApp");
        return (*this)("Chat", "Chat");
    }

private:
    bool m_de;
    QLocale m_locale;
};

struct Section {
    QString title;
    QStringList lines;
};

std::optional<double> satisfactionOf(const AnalyticsSummary &s)
{
    return s.overview.totalSessions > 0 ? std::optional<double>(s.overview.customerSatisfactionAvg) : std::nullopt;
}

Section figures(const WeeklySummaryInput &in, const Words &w)
{
    const AnalyticsSummary &now = in.current;
    const AnalyticsSummary &before = in.previous;
    const QString currency = now.cost.currency.isEmpty() ? in.profile.currency : now.cost.currency;
    Section s{w("The week in figures", "Die Woche in Zahlen"), {}};
    s.lines << w("Sessions: %1 (week before: %2, %3)", "Gespräche: %1 (Vorwoche: %2, %3)")
                   .arg(now.overview.totalSessions)
                   .arg(before.overview.totalSessions)
                   .arg(w.signedNumber(double(now.overview.totalSessions - before.overview.totalSessions), 0));
    s.lines << w(
        "Resolved by the AI alone: %1 (%2); held: %3 of %4", "Von der KI allein gelöst: %1 (%2); gehalten: %3 von %4")
                   .arg(w.rate(now.resolution.aiResolutionRate),
                       w.points(now.resolution.aiResolutionRate, before.resolution.aiResolutionRate))
                   .arg(now.resolution.aiResolvedHeld)
                   .arg(now.resolution.aiResolved);
    s.lines << w("Resolved at first contact: %1 (%2)", "Beim ersten Kontakt gelöst: %1 (%2)")
                   .arg(w.rate(now.resolution.firstContactResolutionRate),
                       w.points(
                           now.resolution.firstContactResolutionRate, before.resolution.firstContactResolutionRate));
    const auto escalated = [](const AnalyticsSummary &a) {
        return a.overview.totalSessions > 0 ? std::optional<double>(a.escalations.escalationRate) : std::nullopt;
    };
    s.lines << w("Escalated: %1 (%2)", "Eskaliert: %1 (%2)")
                   .arg(w.rate(escalated(now)), w.points(escalated(now), escalated(before)));
    const auto satisfaction = satisfactionOf(now);
    const auto satisfactionBefore = satisfactionOf(before);
    s.lines << w("Satisfaction: %1 of 5 from %2 ratings (%3)", "Zufriedenheit: %1 von 5 aus %2 Bewertungen (%3)")
                   .arg(satisfaction ? w.number(*satisfaction) : QStringLiteral("—"))
                   .arg(now.overview.ratings)
                   .arg(satisfaction && satisfactionBefore ? w.signedNumber(*satisfaction - *satisfactionBefore, 1)
                                                           : QStringLiteral("—"));
    s.lines << w(
        "AI cost: %1 (week before: %2); per AI resolution: %3", "KI-Kosten: %1 (Vorwoche: %2); je KI-Lösung: %3")
                   .arg(w.money(now.cost.total, currency), w.money(before.cost.total, currency),
                       now.cost.perAiResolution ? w.money(*now.cost.perAiResolution, currency) : QStringLiteral("—"));
    return s;
}

Section channels(const WeeklySummaryInput &in, const Words &w)
{
    Section s{w("Satisfaction by channel", "Zufriedenheit je Kanal"), {}};
    for (const AnalyticsSummary::ChannelRow &row : in.current.byChannel)
        s.lines << w(
            "%1: %2 of 5, %3 of %4 sessions rated (%5 %)", "%1: %2 von 5, %3 von %4 Gesprächen bewertet (%5 %)")
                       .arg(w.channel(row.channel), w.number(row.customerSatisfactionAvg))
                       .arg(row.ratings)
                       .arg(row.sessions)
                       .arg(w.number(row.sessions > 0 ? row.ratings * 100.0 / row.sessions : 0, 0));
    if (s.lines.isEmpty())
        s.lines << w("No sessions this week.", "Keine Gespräche in dieser Woche.");
    return s;
}

Section reasons(const WeeklySummaryInput &in, const Words &w)
{
    Section s{w("Why customers got in touch", "Warum Kunden sich meldeten"), {}};
    for (const AnalyticsSummary::ContactReason &r : in.current.contactReasons.mid(0, 5))
        s.lines << w("%1: %2 sessions, %3 resolved by the AI", "%1: %2 Gespräche, %3 von der KI gelöst")
                       .arg(QString(r.reason).replace(QLatin1Char('_'), QLatin1Char(' ')))
                       .arg(r.sessions)
                       .arg(w.rate(r.aiResolutionRate));
    if (s.lines.isEmpty())
        s.lines << w("No reason was recognised this week.", "In dieser Woche wurde kein Anliegen erkannt.");
    return s;
}

Section gaps(const WeeklySummaryInput &in, const Words &w)
{
    Section s{w("What the AI could not answer", "Was die KI nicht beantworten konnte"), {}};
    int n = 0;
    for (const KnowledgeGap &g : in.gaps.mid(0, kSummaryGaps))
        s.lines << w("%1. \"%2\": %3 questions in %4 sessions, %5 escalated",
            "%1. „%2“: %3 Fragen in %4 Gesprächen, %5 eskaliert")
                       .arg(++n)
                       .arg(g.label)
                       .arg(g.questions)
                       .arg(g.sessions)
                       .arg(g.escalated);
    if (s.lines.isEmpty())
        s.lines << w("Nothing: every question found an answer in the company's knowledge.",
            "Nichts: jede Frage fand eine Antwort im Wissen des Unternehmens.");
    return s;
}

QString html(const QString &heading, const QString &lead, const QList<Section> &sections, const QString &footer)
{
    QString out = QStringLiteral("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h1>%1</h1><p>%2</p>")
                      .arg(heading.toHtmlEscaped(), lead.toHtmlEscaped());
    for (const Section &s : sections) {
        out += QStringLiteral("<h2>%1</h2><ul>").arg(s.title.toHtmlEscaped());
        for (const QString &line : s.lines)
            out += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        out += QStringLiteral("</ul>");
    }
    return out + QStringLiteral("<p style=\"color:#666\">%1</p></body></html>").arg(footer.toHtmlEscaped());
}

} // namespace

std::optional<SummaryWeek> dueSummaryWeek(qint64 nowMs, const QString &timeZone)
{
    const QTimeZone zone = zoneOf(timeZone);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    // Monday 07:00 to Tuesday 07:00: a server down for a while on Monday still sends it; a person
    // who asks on Wednesday gets the next one, not last week's.
    const QDateTime sendFrom(local.date().addDays(1 - local.date().dayOfWeek()), QTime(kSummarySendHour, 0), zone);
    if (local < sendFrom || local >= sendFrom.addDays(1))
        return std::nullopt;
    return weekFrom(sendFrom.date().addDays(-7), zone);
}

SummaryWeek weekBefore(const SummaryWeek &week, const QString &timeZone)
{
    return weekFrom(week.monday.addDays(-7), zoneOf(timeZone));
}

MailMessage composeWeeklySummary(const WeeklySummaryInput &in, const QString &from, const QString &to)
{
    const Words w(in.language);
    const QString heading = w("Weekly summary for %1", "Wochenbericht für %1").arg(in.companyName);
    const QString lead
        = w("Week %1: %2 to %3 (%4), beside the week before.", "Woche %1: %2 bis %3 (%4), neben der Vorwoche.")
              .arg(in.week.id, w.day(in.week.monday), w.day(in.week.monday.addDays(6)), in.profile.timeZone);
    const QList<Section> sections{figures(in, w), channels(in, w), reasons(in, w), gaps(in, w)};
    const QString footer = w("You get this mail because you asked for the weekly summary (Tierdesk: Settings, "
                             "Notifications). Turn it off there.",
        "Sie erhalten diese E-Mail, weil Sie den Wochenbericht bestellt haben (Tierdesk: Einstellungen, "
        "Benachrichtigungen). Dort können Sie ihn abbestellen.");
    QStringList text{heading, QString(), lead};
    for (const Section &s : sections) {
        text << QString() << s.title;
        for (const QString &line : s.lines)
            text << QStringLiteral("  ") + line;
    }
    text << QString() << footer;

    MailMessage mail;
    mail.from = from;
    mail.to = QStringList{to};
    mail.subject = heading + QStringLiteral(" (") + in.week.id + QLatin1Char(')');
    mail.body = text.join(QLatin1Char('\n')) + QLatin1Char('\n');
    mail.htmlBody = html(heading, lead, sections, footer);
    mail.extraHeaders.append(qMakePair(QByteArray("Auto-Submitted"), QByteArray("auto-generated")));
    return mail;
}

} // namespace tierdesk
