#pragma once

// A console widget found by its object name in a test, with a warning naming it when it is not
// there (the test then fails on the null it gets).
#include <QObject>
#include <QtGlobal>

namespace tierdesk::test {

template <typename T> T *child(QObject &w, const char *name)
{
    T *found = w.findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

} // namespace tierdesk::test
