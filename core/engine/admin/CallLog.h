#pragma once

#include "core/domain/CallRecord.h"
#include "core/engine/SessionEngine.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace tierdesk {

// The calls and their recordings (docs/calls.md, "Recording"): each call's row in the calls table
// as it goes (opened, queued, answered, ended), where its recording is kept
// (recordings/<company>/<session>-<call>.wav under the data directory), the recording of a
// session for the API, the retention sweep (voice/recordingRetentionDays after the call ended:
// the file goes, the row stays), and a customer's recordings erased with them. Lives on the
// engine thread; every write goes through the store's batch.
//
// Team mode: each instance keeps the recordings of the calls it took in its own data directory,
// and sweeps those; a row whose file another instance holds is left to that instance.
class CallLog : public QObject {
    Q_OBJECT

public:
    static constexpr int kSweepIntervalMs = 3600 * 1000;
    static constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    static constexpr char kFolder[] = "recordings";

    // `dataDir`: where recordings are kept (a folder `recordings` in it); `retentionDays` 1-3650.
    CallLog(SessionEngine &engine, QString dataDir, int retentionDays, QObject *parent = nullptr);

    // The sweep every kSweepIntervalMs (and once now); off until started (the server starts it).
    void startSweeping();

    // Where a call's recording goes, relative to the data directory, and as a path on this machine.
    QString recordingPath(const CallRecord &call) const;
    QString absolutePath(const QString &relative) const;
    // The same for a recording about to be written: the recordings folder is made first (0700).
    QString newRecordingFile(const QString &relative) const;

    qint64 now() const { return m_engine.clock().nowMs(); }
    // The call's row, written as it is now (a new call, or what changed).
    Status save(const CallRecord &call);
    std::optional<CallRecord> find(const QString &callId);
    // What a person's desk says of the session now: its queue and who holds it (empty: none).
    std::pair<QString, QString> deskOf(const QString &sessionId);

    struct Recording {
        QString callId;
        QString path; // on this machine
        qint64 bytes = 0; // the file's size now
    };
    // The session's newest recording: NotFound (SessionNotFound for another company's or an unknown
    // session) when there is none or its file is not on this machine.
    Result<Recording> recording(const QString &companyId, const QString &sessionId);
    // `length` bytes (fewer at the end) of the file from `offset`: safe on any thread.
    static Result<QByteArray> read(const QString &path, qint64 offset, qint64 length);

    // Erases the recordings of calls that ended more than the retention ago; how many.
    int sweep();
    // Erases the customer's recordings (files first, then their paths); how many.
    Result<int> eraseCustomer(const QString &companyId, const QString &customerId);

private:
    // Removes the recording's file and forgets its path; false when it is not this machine's to remove.
    bool erase(const CallRecord &call, bool evenIfMissing);

    SessionEngine &m_engine;
    QString m_dataDir;
    qint64 m_retentionMs;
    QTimer m_sweepTimer;
};

} // namespace tierdesk
