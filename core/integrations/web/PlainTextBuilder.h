#pragma once

#include <QString>
#include <QStringView>

namespace tierdesk::web {

// Writes plain text the way HTML lays it out, for HtmlTextWriter: white space collapsed outside
// <pre>, line breaks and blank lines where blocks begin and end (one blank line at most), a
// line's prefix ("- " for a list item, "## " for a heading), separators between table cells, and
// a link's address after its text when the text does not already say it.
class PlainTextBuilder {
public:
    void text(QStringView s);
    // A block's edge: n = 1 a line break, 2 a blank line (several edges in a row ask for the most).
    void breaks(int n);
    void lineBreak(); // <br>: one line break more
    void space();
    // Written before the next text when it stays on the same line (" | " between table cells).
    void separator(const QString &s);
    // Written at the start of the next text's line; dropped when a block ends without text.
    void prefix(const QString &p) { m_prefix = p; }
    void dropPrefix() { m_prefix.clear(); }
    void enterPre() { ++m_pre; }
    void leavePre() { m_pre = m_pre > 0 ? m_pre - 1 : 0; }
    void openLink(const QString &href);
    void closeLink();
    // Every line without trailing spaces, the whole without leading and trailing blank lines.
    QString result() const;

private:
    void flush();

    QString m_out;
    int m_breaks = 0;
    bool m_space = false;
    QString m_separator;
    int m_pre = 0;
    QString m_prefix;
    QString m_href;
    qsizetype m_linkStart = -1;
};

} // namespace tierdesk::web
