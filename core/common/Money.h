#pragma once

#include <QLocale>
#include <QString>

namespace tierdesk {

// "€" for EUR, "$" for USD, "£" for GBP: the sign the locales that pay in the currency write
// (an English one's first); the code itself when no locale writes it. `isoCode` is ISO 4217.
QString currencySymbol(const QString &isoCode);
// An amount of the currency as `locale` writes it: "€45.00" in English, "45,00 €" in German.
// Two decimals; English without a thousands separator (what the reply guard reads back).
QString formatMoney(double amount, const QString &isoCode, const QLocale &locale);
// The locale replies of a language are written in: English ("en") or German ("de").
QLocale replyLocale(bool german);
// "$12.50": an amount in US dollars as notes, summaries and prompts still write it (replies to
// customers use Phrases::money, which follows the company's currency and language).
QString formatUsd(double amount);

} // namespace tierdesk
