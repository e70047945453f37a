#pragma once

#include "core/nlu/text/StringTable.h"

#include <QList>
#include <QString>
#include <QStringList>

// The passage chooser's reading of texts (KbPassage.h): what the knowledge base says, cut
// into passages, and what a question asks.
namespace tierdesk::passages {

// The stems of a text's words that name something (StopWords::isFunctionWord excepted).
nlu::StringSet contentStems(const QString &text);

// An article cut into passages (list items whole, other paragraphs by sentence, markup
// removed), each with its content stems.
struct ParsedArticle {
    quint64 serial = 0; // unique per thread, naming this parse in the cache of rankings
    QString body;
    QStringList passages;
    QList<bool> items; // the passage is a list item (a step), not a paragraph's sentence
    QStringList lowered; // for the prefix look-ups of "crypto" in "cryptocurrency"
    QList<bool> negated; // the passage says "not", "never", "can't", "no longer"...
    QList<nlu::StringSet> stems;

    static ParsedArticle parse(const QString &body, quint64 serial);
};

} // namespace tierdesk::passages
