#pragma once

// What the call benches (call_bench.cpp, sip_call_bench.cpp) count the same way: the server's CPU
// and the turn times' percentiles.
#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>
#include <vector>

namespace tierdesk::bench {

// The CPU seconds a process has used so far (utime + stime from /proc), 0 when unknown.
inline double cpuSeconds(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid.isEmpty() || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(')').value(1).trimmed().split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / 100.0; // clock ticks of 10 ms
}

inline qint64 percentile(std::vector<qint64> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

} // namespace tierdesk::bench
