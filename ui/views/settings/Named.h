#pragma once

#include <QLatin1String>

namespace tierdesk::ui {

// `w`, given the object name the settings pages' tests and style sheets find it by
// ("mailAddress", "webSnippet"); for building a field in one expression.
template <typename W> W *named(W *w, const char *name)
{
    w->setObjectName(QLatin1String(name));
    return w;
}

} // namespace tierdesk::ui
