#pragma once

#include <QString>
#include <QThread>

namespace tierdesk {

// Moves WAL checkpoints off the engine thread. SQLite's automatic checkpoint
// runs inside a commit and copies (and syncs) pages there, which shows as
// latency spikes on whatever request commits at that moment. Here a second
// connection on its own thread runs PASSIVE checkpoints, which never block
// the writer, every `intervalMs`.
class Checkpointer
{
public:
    Checkpointer(const QString &databasePath, int intervalMs = 500);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

private:
    QThread m_thread;
};

} // namespace tierdesk
