#pragma once

#include <QList>
#include <QStringList>

namespace tierdesk {

// Groups questions that ask the same thing in other words. A question is its terms (the stems of
// the words that name something: no search noise, no function words); two questions are as
// similar as the weighted cosine (Ochiai) of their term sets, shared / sqrt(weight(a) * weight(b)),
// each term weighted by its inverse document frequency over all the questions (ln(1 + n / df)),
// so "ship to canada" and "shipping my order to canada" meet on the rare words and not on "order".
// Questions are read in the order given (oldest first): each joins the group whose first question
// it is most similar to, at kJoin or more, else begins a group of its own. A group's first question
// stays first as later ones arrive, so it names the group.
class GapClusters {
public:
    static constexpr double kJoin = 0.5;

    // Each question's terms, oldest first. The groups as indexes into `terms`, each beginning
    // with its first question; questions without terms are in no group.
    static QList<QList<int>> group(const QList<QStringList> &terms);
    static double similarity(const QStringList &a, const QStringList &b, const QList<QStringList> &all);
};

} // namespace tierdesk
