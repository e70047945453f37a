#pragma once

#include <QString>
#include <QtGlobal>

namespace tierdesk {

// What a report covers (the platform services' POST /analytics/reports).
struct ReportRequest {
    QString companyId;
    QString type; // conversation_analysis | daily_summary
    QString format; // csv | pdf
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString sentiment; // "", positive | neutral | negative (conversation_analysis)
    qint64 resolutionTimeMinS = 0; // resolved in at least this many seconds (conversation_analysis)
};

// A report asked for, and how far it has come.
struct ReportJob {
    QString id; // rep-…
    QString companyId;
    QString type;
    QString format;
    QString status; // generating | ready | failed
    qint64 createdAt = 0;
    qint64 finishedAt = 0;
    QString error; // why it failed
};

// What a company's reports may take (settings reports/*, docs/platform-api.md "Limits").
struct ReportLimits {
    qint64 retentionMs = 24LL * 3600 * 1000; // a ready report is deleted this long after it was asked for
    int maxPerCompany = 100; // ready reports kept; beyond, the oldest go first
    qint64 maxBytesPerCompany = 256LL * 1024 * 1024; // their bytes; beyond, the oldest go first
    int requestsPerHour = 60; // reports asked for per company in any hour; beyond: LimitExceeded
};

} // namespace tierdesk
