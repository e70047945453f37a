#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tierdesk {

// Hands the pages the allocator keeps after a large free back to the system. glibc's
// malloc keeps freed memory in its arenas (the process's RSS stays where it was) unless
// asked; elsewhere this does nothing.
inline void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace tierdesk
