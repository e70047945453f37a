#pragma once

#include <QString>

namespace tierdesk::ids {

// Unguessable identifiers: a prefix and 128 random bits from the system RNG.
QString random(const QString &prefix);
// An RFC 4122 UUID without braces.
QString uuid();
// Hex of n random bytes from the system RNG (secrets, keys).
QByteArray randomHex(int bytes);

} // namespace tierdesk::ids
