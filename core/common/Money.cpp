#include "core/common/Money.h"

#include <QHash>

namespace tierdesk {
namespace {

// Every currency's sign, read once from Qt's locale data (a reply's amounts are written on
// every message, on several threads: the table is built before any of them reads it).
QHash<QString, QString> symbolTable()
{
    QHash<QString, QString> out;
    const QList<QLocale> all
        = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    for (const bool english : {true, false})
        for (const QLocale &l : all) {
            const QString code = l.currencySymbol(QLocale::CurrencyIsoCode);
            const QString sign = l.currencySymbol(QLocale::CurrencySymbol); // en_CH has none
            if (!code.isEmpty() && !sign.isEmpty() && !out.contains(code)
                && (l.language() == QLocale::English) == english)
                out.insert(code, sign);
        }
    return out;
}

} // namespace

QString currencySymbol(const QString &isoCode)
{
    static const QHash<QString, QString> symbols = [] {
        QHash<QString, QString> table = symbolTable();
        // The currencies' own territories, where several English locales pay in one.
        const std::pair<QLocale::Territory, const char *> homes[]{{QLocale::UnitedStates, "USD"},
            {QLocale::Ireland, "EUR"}, {QLocale::UnitedKingdom, "GBP"}, {QLocale::Australia, "AUD"},
            {QLocale::Canada, "CAD"}, {QLocale::Switzerland, "CHF"}};
        for (const auto &[territory, code] : homes) {
            const QLocale home(QLocale::English, territory);
            if (home.currencySymbol(QLocale::CurrencyIsoCode) == QLatin1String(code)
                && !home.currencySymbol(QLocale::CurrencySymbol).isEmpty())
                table.insert(QLatin1String(code), home.currencySymbol(QLocale::CurrencySymbol));
        }
        return table;
    }();
    const QString sign = symbols.value(isoCode);
    return sign.isEmpty() ? isoCode : sign;
}

QLocale replyLocale(bool german)
{
    QLocale locale
        = german ? QLocale(QLocale::German, QLocale::Germany) : QLocale(QLocale::English, QLocale::UnitedStates);
    if (!german)
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale;
}

QString formatMoney(double amount, const QString &isoCode, const QLocale &locale)
{
    const QString symbol = currencySymbol(isoCode);
    QString text = locale.toCurrencyString(amount, symbol, 2);
    text.replace(QChar(0x00A0), QLatin1Char(' ')); // what customers type, and what the guard reads
    // A sign of letters ("CHF") stands apart from the number it precedes: "CHF 45.00".
    if (!symbol.isEmpty() && symbol.back().isLetter() && text.startsWith(symbol) && text.size() > symbol.size()
        && text.at(symbol.size()).isDigit())
        text.insert(symbol.size(), QLatin1Char(' '));
    return text;
}

QString formatUsd(double amount)
{
    return formatMoney(amount, QStringLiteral("USD"), replyLocale(false));
}

} // namespace tierdesk
