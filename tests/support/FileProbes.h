#pragma once

#include <QString>

// What storage tests look at on disk: permission bits, and damage done on purpose.
namespace tierdesk::test {

// The permission bits of `path` (lstat), or -1.
int modeOf(const QString &path);

// Writes garbage over pages first..last (1-based, `pageSize` bytes each) of a
// file that holds them all, as a failing disk or a stray write would.
bool damagePages(const QString &path, int pageSize, int first, int last);

} // namespace tierdesk::test
