#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/pipeline/ComposeInput.h"

#include <QElapsedTimer>

#include <memory>

namespace tierdesk {

// One customer message between its two transactions: what phase one decided and
// did, and what phase three needs to store the reply worded in between.
struct Turn {
    MessageOutcome outcome; // the customer's message, the session after it, an escalation
    std::shared_ptr<const ComposeInput> compose; // null when no AI answers (a person has the session)
    Tier speaker = Tier::AiRep; // the tier the reply is written as
    QString handoverNote; // when and how a person will answer, after a hand-over
    QElapsedTimer timer; // from the message's arrival, for the reply's latencyMs
    QStringList moneyTold; // money actions settled for this reply, told once it is stored
};

} // namespace tierdesk
