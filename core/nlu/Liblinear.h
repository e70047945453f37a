#pragma once

#include <linear.h>

namespace tierdesk::nlu {

// liblinear prints its training progress to stdout unless told otherwise; the
// program's output (JSON of the command-line tools) must stay clean.
inline void silenceLiblinear()
{
    set_print_string_function([](const char *) {});
}

} // namespace tierdesk::nlu
