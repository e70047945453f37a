#pragma once

#include "core/engine/reply/AskedQuestion.h"
#include "core/engine/reply/ParsedArticle.h"
#include "core/engine/reply/PassageRanking.h"
#include "core/store/KbRepo.h"

#include <array>
#include <memory>
#include <unordered_map>

namespace tierdesk::passages {

// What the passage chooser has read, one per thread: a reply puts the same question to the
// same few articles several times (choosing the article, judging confidence, quoting it), and
// articles change rarely while cutting and stemming one costs regular expressions over its
// whole text. Each table is bounded (cleared whole when full); a changed article or question
// is read again.
class PassageCache {
public:
    static PassageCache &ofThisThread();

    std::shared_ptr<const ParsedArticle> article(const QString &body);
    const AskedQuestion &question(const QString &text);
    const PassageRanking &ranking(
        const ParsedArticle &article, const QString &question, const QString &topic, bool negations = true);
    // The content stems of an article's title and keywords: what it is about.
    const nlu::StringSet &subject(const KbArticle &article);

private:
    struct Recent {
        QString body;
        std::shared_ptr<const ParsedArticle> parsed;
    };
    struct Subject {
        QString title;
        QString keywords;
        nlu::StringSet stems;
    };

    std::unordered_map<size_t, std::shared_ptr<const ParsedArticle>> m_articles; // by the body's hash
    std::array<Recent, 32> m_recent; // the last articles, found by their text's address
    size_t m_nextRecent = 0;
    quint64 m_serials = 0;
    nlu::StringTable<AskedQuestion> m_questions;
    nlu::StringTable<PassageRanking> m_rankings;
    std::unordered_map<qint64, Subject> m_subjects; // by article id
};

} // namespace tierdesk::passages
