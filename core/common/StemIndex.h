#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <initializer_list>

namespace tierdesk {

// The text as a case-insensitive search sees it: every UTF-16 unit case-folded, as
// QString::contains(..., Qt::CaseInsensitive) folds them. Folding once and searching
// case-sensitively is that search at a fraction of its cost.
QString foldedForSearch(QString text);

// Stems (ASCII first letter, two letters or more) filed by their first letter, so each
// place in a case-folded text is compared only with the stems that could start there:
// one pass over the text whatever the number of stems. (The stems are in the Basic
// Multilingual Plane: no surrogate unit can be part of a match.)
class StemIndex {
public:
    StemIndex(std::initializer_list<const char *> stems);
    bool foundIn(const QString &folded) const; // `folded` from foldedForSearch

private:
    std::array<QStringList, 128> m_byFirstLetter;
    std::array<bool, 128> m_isFirstLetter{}; // the quick test made at every place of a text
};

} // namespace tierdesk
