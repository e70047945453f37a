#pragma once

#include "core/domain/Entities.h"
#include "core/store/KbRepo.h"

#include <QList>
#include <QString>

// Pieces of text that the reply prompts (PromptBuilder) and the agent-assist prompts
// (AssistPrompts) write the same way.
namespace tierdesk::prompt {

// Per article: enough to answer from, short enough to stay cheap.
constexpr int kMaxPassageChars = 1200;

// "- label: value\n"; nothing when there is no value.
QString line(const QString &label, const QString &value);

// "- Customer: name (tier, VIP)\n".
QString customer(const Customer &c);

// One line a passage the search ranked: "- Article [kb:slug] "title", section "heading": text"
// (the text cut to kMaxPassageChars); an article found without passages, its opening.
QString articles(const QList<KbHit> &hits);

} // namespace tierdesk::prompt
