#pragma once

#include "core/engine/reply/AskedQuestion.h"
#include "core/engine/reply/ParsedArticle.h"

#include <QList>
#include <QPair>

namespace tierdesk::passages {

// An article's passages that share a word with a question, best first. Score: how many of
// the question's words a passage holds, a little for the words of the topic a follow-up
// goes on from (`topicStems`, ties only), and more for holding the kind of answer asked.
struct PassageRanking {
    QList<QPair<double, int>> ranked; // score, passage index; best first

    // Without `negations`, a shared "not" counts for nothing.
    static PassageRanking rank(
        const ParsedArticle &article, const AskedQuestion &question, const nlu::StringSet &topicStems, bool negations);
    double best() const { return ranked.isEmpty() ? 0 : ranked.first().first; }
};

} // namespace tierdesk::passages
