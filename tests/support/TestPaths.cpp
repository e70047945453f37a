#include "tests/support/TestPaths.h"

namespace tierdesk::test {

QString sourceDir()
{
    return QStringLiteral(TIERDESK_TEST_SOURCE_DIR);
}
QString sharedDataDir()
{
    return QStringLiteral(TIERDESK_TEST_SHARED_DATA_DIR);
}
QString binaryDir()
{
    return QStringLiteral(TIERDESK_TEST_BINARY_DIR);
}
QString tierdeskExecutable()
{
    return binaryDir() + QStringLiteral("/app/tierdesk");
}

} // namespace tierdesk::test
