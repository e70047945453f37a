#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace tierdesk {

// Knowledge-base articles in files, as `tierdesk kb import` and the console's import read
// them: Markdown with a front matter block (title, category, keywords; the file name is the
// slug) or JSON (an article as POST /api/cs/kb takes it, or an array of them).
namespace kbfiles {

constexpr qint64 kMaxFileBytes = 1 << 20;

// The .md, .json, .pdf, .html, .htm and .txt files under `root` (searched recursively), sorted;
// `root` itself when it is a file; NotFound when it is neither. The last four (and Markdown
// without a front matter) are read as KbFileImport reads an upload.
Result<QStringList> filesUnder(const QString &root);
// The articles of one file as API bodies; InvalidArgument (or NotFound: unreadable) when
// it holds none.
Result<QList<QJsonObject>> articlesIn(const QString &path);

} // namespace kbfiles
} // namespace tierdesk
