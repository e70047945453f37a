#pragma once

#include "core/store/KbRepo.h"

#include <QString>

namespace tierdesk {

// The sentences or list items of a knowledge-base article that answer a question
// best: the first one sharing the most of the question's words, and a second one
// nearly as good. Empty when no passage shares a word. Markdown markup is removed.
// A follow-up's `topic` (the question it goes on from) breaks ties, at half weight.
QString answeringPassage(const QString &articleBody, const QString &question, const QString &topic = {});
// The same passages, one per entry.
QStringList answeringPassages(const QString &articleBody, const QString &question, const QString &topic = {});
// How well the best passage of the article answers the question (0: none shares a word).
double passageScore(const QString &articleBody, const QString &question, const QString &topic = {});
// Whether an article answers the question though the intent model is unsure of it: a
// passage holds two of the question's words, or its title or keywords name what was asked,
// it covers at least half of the question's words and a passage shares one ("whats the
// warranty on a daypack").
bool knowledgeAnswers(const KbArticle &article, const QString &question);
// The words of a question worth searching for: no order numbers, no words that name
// nothing ("whats this ride club thing" searches "ride club").
QString searchWords(const QString &text);
// How many of the question's words the article's title and keywords hold (what it is about).
double subjectScore(const KbArticle &article, const QString &question);
// Whether the search's best passage of the hit holds most of the question (kPassageCoverage of
// it, weighed by how rare its words are) and two of its words at least.
constexpr double kPassageCoverage = 0.75;
bool passageAnswers(const KbHit &hit, const QString &question);
// How much of the question the hit's passages hold at best: the search's idf-weighted coverage
// (KbPassageHit::coverage), so a word no page holds weighs most; 1 for a hit with no passages.
double questionShare(const KbHit &hit);
// A share of the question that is all of it (the sums' rounding aside).
constexpr double kWholeQuestion = 0.99;
// Whether the hit holds the question, not only some of its words: a passage holds two of them
// or the article is about what was asked (knowledgeAnswers, passageAnswers), or a passage holds
// all of it (a question of one word). Not a share of the rarer words: "policy" is the rarer half
// of "return policy" in a help center that says "press Return" often, and a colour profile's
// "timeout policy" no return policy; "cancel" of a print job no "cancel my gym membership".
bool holdsTheQuestion(const KbHit &hit, const QString &question);
// Whether the question names what the best ranked passage is about, in so many words: its title and
// heading hold every word the question searches for, two at least ("cancel a print job" and
// "Cancel, pause or release a print job").
bool namesPassageTopic(const QList<KbHit> &hits, const QString &question);
// Whether any hit answers the question: by its sentences (above) or its ranked passage.
bool knowledgeAnswers(const QList<KbHit> &hits, const QString &question);
// Whether the question names, in its own words, what exactly one of the hits is about (its
// title or keywords), that hit is not `other`, and its opening gives the kind of answer asked
// (leadScore): "how long before its officially late" is about the late package, not the lost
// one it follows on from. Words of the answer's kind ("free", "cost", "how long") name no subject.
bool namesOneSubject(const QList<KbHit> &hits, int other, const QString &question);
// How well an article's opening answers a question that names what the article is about and
// asks for what the opening gives, a time or a price ("how long before its officially late":
// "If your tracking hasn't updated for 5 business days..."); 0 otherwise.
double leadScore(const KbArticle &article, const QString &question);

} // namespace tierdesk
