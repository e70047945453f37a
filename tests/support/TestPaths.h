#pragma once

#include <QString>

namespace tierdesk::test {

QString sourceDir(); // the checkout
QString sharedDataDir(); // ../shared/data beside the checkout
QString binaryDir(); // the build tree (where bin/tierdesk is)
QString tierdeskExecutable(); // the built program, for tests that start it

} // namespace tierdesk::test
