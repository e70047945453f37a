#pragma once

#include "core/engine/reply/AnswerKind.h"
#include "core/nlu/text/StringTable.h"

#include <QString>
#include <QStringList>

namespace tierdesk::passages {

// The mark a question's stems hold for a negation: "the email isnt coming" asks about
// "if the email doesn't arrive".
const QString &negation();
bool isNegation(const QString &lowerCaseWord);
// The article's word for a word of the question (`words.at(at)`), or empty: how customers
// say what the articles word otherwise ("fix" for "change", "my plan" for "membership").
QString articleWordFor(const QString &word, const QStringList &words, qsizetype at);

// What a question asks: its content stems (with the articles' words for its own, and a mark
// for a negation) and the kind of answer it wants.
struct AskedQuestion {
    nlu::StringSet stems;
    AnswerKind kind;

    static AskedQuestion read(const QString &question);
};

} // namespace tierdesk::passages
