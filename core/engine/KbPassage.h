#pragma once

#include <QString>

namespace tierdesk {

// The sentences or list items of a knowledge-base article that answer a question
// best: the first one sharing the most of the question's words, and a second one
// nearly as good. Empty when no passage shares a word. Markdown markup is removed.
QString answeringPassage(const QString &articleBody, const QString &question);

} // namespace tierdesk
