#include "core/api/common/CommitReply.h"

#include "core/engine/SessionEngine.h"

namespace tierdesk::api {

void replyAfterCommit(SessionEngine &engine, const http::HttpResponder &res, const http::HttpResponse &response,
    const CommitFailureBodies &failed)
{
    SessionEngine *e = &engine;
    engine.afterCommit([res, response, e, failed](bool committed) {
        if (committed)
            res.send(response);
        else if (const QString reason = e->storageFailure(); !reason.isEmpty())
            res.send(failed.storageFailure(reason));
        else
            res.send(failed.retryLater());
    });
}

} // namespace tierdesk::api
