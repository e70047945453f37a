#pragma once

// Waiting on an ApiReply in a test: its outcome is copied out before the reply
// deletes itself.
#include "ui/client/ApiReply.h"

#include <QTest>

#include <memory>

namespace tierdesk::test {

struct Outcome {
    bool done = false;
    bool ok = false;
    int status = 0;
    QJsonObject body;
    ui::ApiError error;
    QByteArray describe() const
    {
        return QStringLiteral("%1 %2 %3").arg(status).arg(error.code, error.message).toUtf8();
    }
};

inline Outcome waitFor(ui::ApiReply *reply, int timeoutMs = 10000)
{
    auto out = std::make_shared<Outcome>();
    QObject::connect(reply, &ui::ApiReply::finished, reply, [reply, out] {
        out->done = true;
        out->ok = reply->ok();
        out->status = reply->status();
        out->body = reply->body();
        out->error = reply->error();
    });
    [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return out->done; }, timeoutMs);
    return *out;
}

} // namespace tierdesk::test
