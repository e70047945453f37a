#include "core/engine/reply/PassageCache.h"

namespace tierdesk::passages {

PassageCache &PassageCache::ofThisThread()
{
    // Per thread, so replies worded on several workers share nothing and need no lock.
    thread_local PassageCache cache;
    return cache;
}

std::shared_ptr<const ParsedArticle> PassageCache::article(const QString &body)
{
    // One reply looks at the same few articles many times: the last ones are found by their
    // text's address without hashing it. Holding a copy keeps that text alive, so an address
    // seen again is the same text.
    for (const Recent &r : m_recent)
        if (r.parsed && r.body.constData() == body.constData() && r.body.size() == body.size())
            return r.parsed;
    const size_t key = qHash(QStringView(body), 0);
    auto it = m_articles.find(key);
    if (it == m_articles.end() || it->second->body != body) {
        if (m_articles.size() > 512)
            m_articles.clear();
        auto parsed = std::make_shared<const ParsedArticle>(ParsedArticle::parse(body, ++m_serials));
        it = m_articles.insert_or_assign(key, std::move(parsed)).first;
    }
    m_recent[m_nextRecent++ % m_recent.size()] = {body, it->second};
    return it->second;
}

const AskedQuestion &PassageCache::question(const QString &text)
{
    if (const auto it = m_questions.find(text); it != m_questions.end())
        return it->second;
    if (m_questions.size() > 256)
        m_questions.clear();
    return m_questions.emplace(text, AskedQuestion::read(text)).first->second;
}

const PassageRanking &PassageCache::ranking(
    const ParsedArticle &article, const QString &question, const QString &topic, bool negations)
{
    QString key = QString::number(article.serial, 16);
    key += QLatin1Char(negations ? '+' : '-') + question + QChar(0x1f) + topic;
    if (const auto it = m_rankings.find(key); it != m_rankings.end())
        return it->second;
    if (m_rankings.size() > 1024)
        m_rankings.clear();
    PassageRanking ranked = PassageRanking::rank(article, this->question(question), contentStems(topic), negations);
    return m_rankings.emplace(std::move(key), std::move(ranked)).first->second;
}

const nlu::StringSet &PassageCache::subject(const KbArticle &article)
{
    auto it = m_subjects.find(article.id);
    if (it != m_subjects.end() && it->second.title == article.title && it->second.keywords == article.keywords)
        return it->second.stems;
    if (m_subjects.size() > 512)
        m_subjects.clear();
    Subject read{article.title, article.keywords, contentStems(article.title + QLatin1Char(' ') + article.keywords)};
    return m_subjects.insert_or_assign(article.id, std::move(read)).first->second.stems;
}

} // namespace tierdesk::passages
