#include "core/voice/EarText.h"

#include <QRegularExpression>
#include <QStringList>

#include <functional>
#include <iterator>

namespace tierdesk::voice {

namespace {

using RX = QRegularExpression;

QString replaceAll(QString text, const RX &rx, const std::function<QString(const QRegularExpressionMatch &)> &with)
{
    QString out;
    qsizetype at = 0;
    auto it = rx.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += with(m);
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

QString digitWords(QStringView digits, Language language)
{
    static const char *const en[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static const char *const de[] = {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"};
    QStringList words;
    for (const QChar c : digits) {
        if (c.isDigit())
            words << QString::fromUtf8((language == Language::De ? de : en)[c.digitValue()]);
    }
    return words.join(u' ');
}

// "ORD" is said as the word it stands for; another prefix letter by letter ("INV" -> "I N V").
QString prefixSpoken(const QString &prefix, Language language)
{
    if (prefix.compare(u"ORD", Qt::CaseInsensitive) == 0)
        return language == Language::De ? QStringLiteral("Bestellung") : QStringLiteral("order");
    QStringList letters;
    for (const QChar c : prefix)
        letters << QString(c.toUpper());
    return letters.join(u' ');
}

struct Currency {
    const char16_t *sign;
    const char *one;
    const char *many;
    const char *deOne;
    const char *cents;
    const char *deCents;
};

constexpr Currency kCurrencies[] = {
    {u"$", "dollar", "dollars", "Dollar", "cents", "Cent"},
    {u"€", "euro", "euros", "Euro", "cents", "Cent"},
    {u"£", "pound", "pounds", "Pfund", "pence", "Pence"},
};

const Currency &currencyOf(const QString &mark)
{
    if (mark == u"€" || mark.compare(u"EUR", Qt::CaseInsensitive) == 0 || mark.startsWith(u"euro", Qt::CaseInsensitive))
        return kCurrencies[1];
    if (mark == u"£" || mark.compare(u"GBP", Qt::CaseInsensitive) == 0)
        return kCurrencies[2];
    return kCurrencies[0];
}

// "79" and "00" -> "79 dollars"; "36" and "50" -> "36 dollars and 50 cents" ("36 Euro und 50 Cent").
QString moneySpoken(QString whole, const QString &cents, const Currency &currency, Language language)
{
    whole.remove(language == Language::De ? u'.' : u',');
    const qlonglong units = whole.toLongLong();
    const int hundredths = cents.isEmpty() ? 0 : cents.toInt();
    const bool de = language == Language::De;
    QString unitName = QString::fromUtf8(de ? currency.deOne : (units == 1 ? currency.one : currency.many));
    QString centName = QString::fromUtf8(de ? currency.deCents : currency.cents);
    if (!de && hundredths == 1)
        centName = currency.sign == QStringView(u"£") ? QStringLiteral("penny") : QStringLiteral("cent");
    if (hundredths == 0)
        return QString::number(units) + u' ' + unitName;
    if (units == 0)
        return QString::number(hundredths) + u' ' + centName;
    return QString::number(units) + u' ' + unitName + (de ? u" und " : u" and ") + QString::number(hundredths) + u' '
        + centName;
}

} // namespace

QString EarText::withoutMarkdown(const QString &text)
{
    static const RX image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const RX link(QStringLiteral("\\[([^\\]]+)\\]\\([^)]*\\)"));
    static const RX heading(QStringLiteral("^\\s{0,3}#{1,6}\\s*"));
    static const RX bullet(QStringLiteral("^\\s*(?:[-*+•]|\\d+[.)])\\s+"));
    static const RX quote(QStringLiteral("^\\s*>\\s?"));
    static const RX emphasis(QStringLiteral("\\*\\*|__|\\*|`+|~~|(?<![\\w])_|_(?![\\w])"));
    static const RX rule(QStringLiteral("^\\s*(?:[-*_]\\s*){3,}$"));
    static const RX sentenceEnd(QStringLiteral("[.!?:;,]$"));
    QStringList sentences;
    for (QString line : text.split(u'\n')) {
        if (rule.match(line).hasMatch())
            continue;
        line.replace(image, QStringLiteral("\\1")).replace(link, QStringLiteral("\\1"));
        line.remove(heading).remove(bullet).remove(quote).remove(emphasis);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (!sentenceEnd.match(line).hasMatch())
            line += u'.';
        sentences << line;
    }
    return sentences.join(u' ');
}

QString EarText::withoutUrls(const QString &text)
{
    static const RX url(QStringLiteral("(?:https?://|www\\.)[^\\s<>()]+[^\\s<>().,;:!?'\"]"));
    QString out = text;
    out.replace(url, QString());
    out.replace(QRegularExpression(QStringLiteral("\\(\\s*\\)|<\\s*>")), QString());
    out.replace(QRegularExpression(QStringLiteral("\\s+([.,;:!?])")), QStringLiteral("\\1"));
    return out.simplified();
}

QString EarText::orderNumbersSpoken(const QString &text, Language language)
{
    static const RX order(QStringLiteral("\\b([A-Za-z]{2,5})[-#]?(\\d{3,})\\b"));
    // "-> QString": a QStringBuilder returned from the lambda would point into its temporaries.
    return replaceAll(text, order, [&](const QRegularExpressionMatch &m) -> QString {
        return prefixSpoken(m.captured(1), language) + u' ' + digitWords(m.capturedView(2), language);
    });
}

QString EarText::amountsSpoken(const QString &text, Language language)
{
    const bool de = language == Language::De;
    // The separators of the language: "1,250.50" in English, "1.250,50" in German (where a price
    // copied from an English text, "$79.00", is read too).
    const QString whole
        = de ? QStringLiteral("(\\d{1,3}(?:\\.\\d{3})+|\\d+)") : QStringLiteral("(\\d{1,3}(?:,\\d{3})+|\\d+)");
    const QString cents = de ? QStringLiteral("(?:[,.](\\d{2}))?") : QStringLiteral("(?:\\.(\\d{2}))?");
    const RX signFirst(QStringLiteral("([$€£])\\s?") + whole + cents + QStringLiteral("(?!\\d)"));
    const RX signAfter(whole + cents + QStringLiteral("\\s?(€|\\$|£|EUR\\b|USD\\b|GBP\\b|Euro\\b|euros?\\b)"));
    QString out = replaceAll(text, signFirst, [&](const QRegularExpressionMatch &m) -> QString {
        return moneySpoken(m.captured(2), m.captured(3), currencyOf(m.captured(1)), language);
    });
    return replaceAll(out, signAfter, [&](const QRegularExpressionMatch &m) -> QString {
        return moneySpoken(m.captured(1), m.captured(2), currencyOf(m.captured(3)), language);
    });
}

QString EarText::abbreviationsSpoken(const QString &text, Language language)
{
    struct Spoken {
        const char *pattern;
        const char *words;
    };
    static const Spoken en[] = {{"\\be\\.\\s?g\\.", "for example"}, {"\\bi\\.\\s?e\\.", "that is"},
        {"\\betc\\.", "and so on"}, {"\\bvs\\.", "versus"}, {"\\bapprox\\.", "approximately"}, {"\\s*&\\s*", " and "},
        {"(\\d)\\s?%", "\\1 percent"}, {"\\s+/\\s+", " or "}};
    static const Spoken de[] = {{"\\bz\\.\\s?B\\.", "zum Beispiel"}, {"\\bd\\.\\s?h\\.", "das heißt"},
        {"\\busw\\.", "und so weiter"}, {"\\bbzw\\.", "beziehungsweise"}, {"\\bca\\.", "circa"}, {"\\s*&\\s*", " und "},
        {"(\\d)\\s?%", "\\1 Prozent"}, {"\\s+/\\s+", " oder "}};
    QString out = text;
    const bool german = language == Language::De;
    const auto *table = german ? de : en;
    const size_t count = german ? std::size(de) : std::size(en);
    for (size_t i = 0; i < count; ++i)
        out.replace(
            RX(QString::fromUtf8(table[i].pattern), RX::CaseInsensitiveOption), QString::fromUtf8(table[i].words));
    return out;
}

QString EarText::prepare(const QString &text, Language language)
{
    QString out = withoutMarkdown(text);
    out = withoutUrls(out);
    out = orderNumbersSpoken(out, language);
    out = amountsSpoken(out, language);
    out = abbreviationsSpoken(out, language);
    return out.simplified();
}

} // namespace tierdesk::voice
