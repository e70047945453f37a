#include "core/engine/KbPassage.h"

#include "core/nlu/StringTable.h"
#include "core/nlu/text/Tokenizer.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace tierdesk {
namespace {

bool isFunctionWord(const QString &w)
{
    static const nlu::StringSet words = {
        QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("for"), QStringLiteral("you"), QStringLiteral("your"),
        QStringLiteral("how"), QStringLiteral("what"), QStringLiteral("whats"), QStringLiteral("what's"), QStringLiteral("when"),
        QStringLiteral("where"), QStringLiteral("does"), QStringLiteral("can"), QStringLiteral("with"), QStringLiteral("that"),
        QStringLiteral("this"), QStringLiteral("have"), QStringLiteral("are"), QStringLiteral("was"), QStringLiteral("not"),
        QStringLiteral("dont"), QStringLiteral("don't"), QStringLiteral("want"), QStringLiteral("into"), QStringLiteral("from"),
        QStringLiteral("will"), QStringLiteral("out"), QStringLiteral("our"), QStringLiteral("any"), QStringLiteral("all"),
        QStringLiteral("its"), QStringLiteral("it's"), QStringLiteral("there"), QStringLiteral("they"), QStringLiteral("them"),
        QStringLiteral("get"), QStringLiteral("got"), QStringLiteral("should"), QStringLiteral("would"), QStringLiteral("could"),
        QStringLiteral("pls"), QStringLiteral("please"), QStringLiteral("about"), QStringLiteral("just"), QStringLiteral("also"),
    };
    return w.size() < 3 || words.count(w) > 0;
}

// A crude stem, enough to meet "washing" with "wash" and "returns" with "return".
QString stem(QString w)
{
    for (const char *suffix : {"ing", "ed", "es", "s"}) {
        const auto s = QLatin1String(suffix);
        if (w.size() > s.size() + 3 && w.endsWith(s)) {
            w.chop(s.size());
            break;
        }
    }
    return w;
}

nlu::StringSet contentStems(const QString &text)
{
    nlu::StringSet out;
    for (const QString &w : nlu::Tokenizer::words(text)) {
        if (!isFunctionWord(w))
            out.insert(stem(w));
    }
    return out;
}

// List items whole, other paragraphs by sentence; markup removed.
QStringList passagesOf(const QString &body)
{
    static const QRegularExpression markup(QStringLiteral("[*_#`>]+|\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression listItem(QStringLiteral("^\\s*(?:[-*]|\\d+\\.)\\s+"));
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+"));
    QStringView text(body);
    if (text.startsWith(QLatin1String("---\n"))) { // front matter of an article file
        const qsizetype end = text.indexOf(QLatin1String("\n---"), 3);
        text = end < 0 ? text : text.mid(end + 4);
    }
    QStringList out;
    for (const QString &line : text.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const bool item = listItem.match(line).hasMatch();
        QString plain = QString(line).remove(listItem).replace(markup, QStringLiteral("\\1")).simplified();
        if (plain.isEmpty() || plain.endsWith(QLatin1Char(':')))
            continue;
        if (item)
            out << plain;
        else
            out += plain.split(sentenceEnd, Qt::SkipEmptyParts);
    }
    return out;
}

struct ParsedArticle {
    QString body;
    QStringList passages;
    QList<nlu::StringSet> stems;
};

// Articles change rarely and are asked about often: each is cut and stemmed once per
// thread (a bounded cache; the body is compared, so a changed article is parsed again).
const ParsedArticle &parsed(const QString &body)
{
    thread_local std::unordered_map<size_t, ParsedArticle> cache;
    const size_t key = qHash(QStringView(body), 0);
    auto it = cache.find(key);
    if (it != cache.end() && it->second.body == body)
        return it->second;
    if (cache.size() > 512)
        cache.clear();
    ParsedArticle a;
    a.body = body;
    a.passages = passagesOf(body);
    for (const QString &p : std::as_const(a.passages))
        a.stems << contentStems(p);
    return cache[key] = std::move(a);
}

} // namespace

QString answeringPassage(const QString &articleBody, const QString &question)
{
    const nlu::StringSet asked = contentStems(question);
    if (asked.empty())
        return {};
    const ParsedArticle &article = parsed(articleBody);
    const QStringList &passages = article.passages;
    const QList<nlu::StringSet> &stems = article.stems;
    // Score: how many of the question's words a passage holds. (Weighting words by how
    // rare they are in the article did worse on tests/scenarios: "phone number" met
    // "order number" in a tip rather than the phone line.)
    QList<QPair<double, int>> ranked; // score, passage index
    for (int i = 0; i < passages.size(); ++i) {
        double score = 0;
        for (const QString &s : asked) {
            if (stems.at(i).count(s) > 0)
                score += 1.0;
        }
        if (score > 0)
            ranked.append({score, i});
    }
    if (ranked.isEmpty())
        return {};
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    // A question often asks two things ("your phone number and when are you open"):
    // a second passage nearly as good goes along, both in the article's order.
    QList<int> chosen{ranked.first().second};
    if (ranked.size() > 1 && ranked.at(1).first >= 0.6 * ranked.first().first)
        chosen.append(ranked.at(1).second);
    std::sort(chosen.begin(), chosen.end());
    QStringList out;
    for (int i : chosen)
        out << passages.at(i);
    return out.join(QLatin1Char(' '));
}

} // namespace tierdesk
