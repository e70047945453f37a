#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace tierdesk {

// One call as the calls table keeps it (docs/calls.md, "Recording" and "Call analytics"): who
// called by which door, when it was queued for a person, answered and ended, how, and where its
// recording is. Times are milliseconds since the epoch on the engine's clock; 0: not (yet).
struct CallRecord {
    QString id; // call_...
    QString companyId;
    QString sessionId;
    QString door; // "web", "sip", "lex"
    QString callerNumber;
    QString queue; // the queue it waited in for a person (empty: never queued)
    qint64 startedAt = 0;
    qint64 queuedAt = 0; // first put in line for a person
    qint64 answeredAt = 0; // first taken by a person
    qint64 endedAt = 0;
    QString endReason; // "hangup", "silence", "idle", "server", ... (empty while under way)
    bool aiAlone = false; // ended without ever going to a person
    bool abandoned = false; // the caller hung up while waiting in line
    QString agentId; // the person who took it first
    QString recordingPath; // relative to the data directory; empty: none (or erased)
    qint64 recordingBytes = 0;
};

// A company's calls over a span of time, per queue (seed 001's analytics, added by Tierdesk).
// Times in whole seconds.
struct CallsSummary {
    struct QueueRow {
        QString queue;
        qint64 calls = 0; // put in this queue
        qint64 answered = 0;
        qint64 abandoned = 0;
        int avgTimeToAnswer = 0; // queued to answered, over the answered ones
        int medianTimeToAnswer = 0;
        int avgHandleTime = 0; // answered to ended, over the answered ones that ended
    };
    qint64 total = 0;
    qint64 answered = 0;
    qint64 abandoned = 0;
    qint64 aiAlone = 0; // ended without a person
    int avgTimeToAnswer = 0;
    int medianTimeToAnswer = 0;
    int avgHandleTime = 0;
    QList<QueueRow> byQueue; // by queue name
};

} // namespace tierdesk
