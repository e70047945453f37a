#pragma once

#include <QRegularExpression>
#include <QString>

namespace tierdesk {

// Case-insensitive patterns, compiled once (callers keep them in statics).
// caselessRegex: \w, \b and \d match ASCII only (the pattern is Latin-1 text).
QRegularExpression caselessRegex(const char *latin1Pattern);
// caselessUnicodeRegex: \w and \b match letters of every script ("Größe", "café").
QRegularExpression caselessUnicodeRegex(const QString &pattern);

} // namespace tierdesk
