#pragma once

#include <QString>
#include <QThread>

namespace tierdesk {

// Moves most WAL checkpoint work off the engine thread. SQLite's automatic
// checkpoint runs inside a commit and copies pages there, which shows as
// latency spikes on the requests of that commit. A second connection on its
// own thread runs PASSIVE checkpoints (they never block the writer) every
// `intervalMs`, so the writer's own checkpoint finds little left to copy and
// can still rewind the log, which PASSIVE alone cannot do under steady writes.
class Checkpointer {
public:
    Checkpointer(const QString &databasePath, int intervalMs = 50);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

private:
    QThread m_thread;
};

} // namespace tierdesk
