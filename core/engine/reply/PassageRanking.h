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

    // What a word of the article's subject counts in one of its passages: the article was found
    // for it, so it hardly tells its passages apart.
    static constexpr double kSubjectWeight = 0.25;

    // Without `negations`, a shared "not" counts for nothing. The stems of `subject` (none: every
    // word counts whole) count kSubjectWeight.
    static PassageRanking rank(const ParsedArticle &article, const AskedQuestion &question,
        const nlu::StringSet &topicStems, bool negations, const nlu::StringSet *subject = nullptr);
    double best() const { return ranked.isEmpty() ? 0 : ranked.first().first; }
};

} // namespace tierdesk::passages
