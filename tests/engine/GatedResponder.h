#pragma once

// A responder for tests of the reply phase: it words every reply as `text`, and a
// message containing "slow" waits for `gate` first (the test releases it).
#include "core/engine/reply/Responder.h"

#include <QSemaphore>

#include <atomic>

namespace tierdesk::test {

class GatedResponder final : public Responder {
public:
    Reply compose(const ReplyContext &ctx) override
    {
        ++started;
        if (ctx.message.contains(QLatin1String("slow")))
            gate.acquire();
        Reply r;
        r.model = QStringLiteral("gated-test");
        r.content = text;
        return r;
    }

    QSemaphore gate;
    std::atomic<int> started{0};
    QString text = QStringLiteral("Words from the test responder.");
};

} // namespace tierdesk::test
