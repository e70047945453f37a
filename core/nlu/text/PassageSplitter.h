#pragma once

#include <QList>
#include <QString>

namespace tierdesk::nlu {

// A knowledge-base article cut into the passages the AI reads (DESIGN.md, "A company's own
// knowledge"): one per section under a heading, so a question meets the part of a long page
// that answers it rather than the page's opening. Bodies are Markdown, as articles are written
// and as imported pages are turned into text (web::HtmlPage): "#" to "######" lines are headings.
struct ArticlePassage {
    QString heading; // the section's headings, outermost first, " › " between; empty for the lead
    QString text; // the section's own text (not its subsections'), trimmed
};

class PassageSplitter {
public:
    // A section longer than this is cut at its paragraphs into parts of at most this many
    // words (a paragraph longer than that is one part): a few hundred words each.
    static constexpr int kMaxWords = 300;
    static constexpr int kMaxPassages = 400; // per article; the rest of a huge page is left out

    // A level-1 heading that repeats the title is no section of its own. Sections without text
    // (a heading followed at once by a subheading) give no passage; their heading stays in the
    // path of the subsections.
    static QList<ArticlePassage> split(const QString &title, const QString &markdownBody);
};

} // namespace tierdesk::nlu
