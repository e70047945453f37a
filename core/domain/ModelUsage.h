#pragma once

#include "core/domain/ModelCharge.h"

#include <QMap>
#include <QString>

namespace tierdesk {

// Why a language model was called.
namespace modelpurpose {
inline constexpr auto kReply = "reply"; // an AI tier's reply to a customer
inline constexpr auto kAssist = "assist"; // an answer to a person at the desk (agent assist)
inline constexpr auto kArticle = "article"; // a draft article for a knowledge gap
} // namespace modelpurpose

// One message's or one assist answer's model calls, as stored (model_usage).
struct ModelUsage {
    QString companyId;
    QString sessionId; // empty for an article draft
    QString messageId; // a reply's message; empty otherwise
    QString purpose; // modelpurpose
    QString tier; // the tier the reply was written as; empty for the desk's calls
    ModelCharge charge;
    qint64 at = 0;
};

// One answer of seed 002's POST /api/query (api_queries): which model answered (or the cache), and
// the AI reply message whose model calls it cost.
struct AnsweredQuery {
    QString companyId;
    qint64 at = 0;
    QString model;
    qint64 responseTimeMs = 0;
    bool cached = false; // a cached answer calls no model and costs nothing
    QString messageId;
};

// The queries answered in a span, for /api/metrics: read from api_queries and model_usage, so alike
// on every server and after a restart.
struct QueryTotals {
    qint64 queries = 0;
    qint64 cacheHits = 0;
    qint64 responseTimeMsTotal = 0;
    QMap<QString, qint64> byModel;
    double cost = 0; // in `currency`
    QString currency; // of the priced calls (the most costly currency when they differ)
    QMap<QString, double> costByModel;
};

} // namespace tierdesk
