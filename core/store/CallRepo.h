#pragma once

#include "core/common/Result.h"
#include "core/domain/CallRecord.h"
#include "core/store/Database.h"

#include <QList>

#include <optional>

namespace tierdesk {

// The calls table (migration 26): every call, its times, how it ended and its recording.
class CallRepo {
public:
    // Rows read at most by one question (a sweep's recordings, a customer's).
    static constexpr int kMaxRows = 1000;

    explicit CallRepo(Database &db) : m_db(db) { }

    // Inserts the call, or replaces its row (the same id).
    Status put(const CallRecord &call);
    std::optional<CallRecord> find(const QString &callId);
    // The session's newest call that still has a recording.
    std::optional<CallRecord> recordedOfSession(const QString &companyId, const QString &sessionId);
    // Calls that ended before `beforeMs` and still have a recording, oldest first (at most `limit`).
    QList<CallRecord> recordedBefore(qint64 beforeMs, int limit = kMaxRows);
    // The customer's calls (through their sessions) that still have a recording.
    QList<CallRecord> recordedOfCustomer(const QString &companyId, const QString &customerId, int limit = kMaxRows);
    // Recordings still kept of customers whose data was erased (another instance erased them).
    QList<CallRecord> recordedOfErasedCustomers(int limit = kMaxRows);
    // The recording is gone: path '' and 0 bytes (the call's row stays).
    Status forgetRecording(const QString &callId);
    // The company's calls started in [startMs, endMs], per queue.
    CallsSummary summary(const QString &companyId, qint64 startMs, qint64 endMs);

private:
    QList<CallRecord> readAll(QSqlQuery &q);
    // The median of answered - queued over the answered calls (of `queue`; all when null), in ms.
    qint64 medianWait(const QString &companyId, qint64 startMs, qint64 endMs, const std::optional<QString> &queue);

    Database &m_db;
};

} // namespace tierdesk
