#pragma once

// A property a fuzz target asserts: on failure it prints what broke and aborts, so libFuzzer
// records the input as a crash. Active in every build type (not an assert()).

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

namespace tierdesk::fuzz {

[[noreturn]] inline void fail(const char *property, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz property violated: %s\n%s\n", property, detail.left(4000).constData());
    std::abort();
}

inline void check(bool ok, const char *property, const QByteArray &detail = {})
{
    if (!ok)
        fail(property, detail);
}

} // namespace tierdesk::fuzz
