#pragma once

#include "core/store/KbRepo.h"

#include <QStringList>

namespace tierdesk {

// What the AI quotes of an article whose passages the search ranked (KbHit::passages): the
// sentences of the best of them that answer the question, where the words of the article's
// title, keywords and the passage's heading count little (the search found the passage by them);
// its steps, in order, when the question names only what the passage is about ("change your
// password"). Empty when the hit has no ranked passage or none of their sentences answers.
struct SectionAnswer {
    QStringList sentences; // in the passage's order; steps numbered
    int section = -1; // which of the hit's passages

    static SectionAnswer of(const KbHit &hit, const QString &question, const QString &topic, int maxChars);
};

} // namespace tierdesk
