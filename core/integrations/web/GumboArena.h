#pragma once

#include <csetjmp>
#include <cstddef>

namespace tierdesk::web {

// The memory of one gumbo parse, within a budget. Gumbo 0.10 has no limits of its own: reopening
// unclosed formatting elements (the HTML5 "reconstruct the active formatting elements" step) lets
// a 60 KB page build a 400 MB tree, and its gumbo_destroy_output() recurses once per level of
// nesting. So every block gumbo asks for comes from here: the arena frees whatever is left in one
// loop (no recursion, so no gumbo_destroy_output()), and a request beyond the budget ends the
// parse by longjmp to `exhausted`, which the caller has set with setjmp right around
// gumbo_parse_with_options (only C frames, which own nothing, are skipped: all their memory is
// the arena's). One arena serves one parse on one thread.
class GumboArena {
public:
    explicit GumboArena(std::size_t budgetBytes) : m_budget(budgetBytes) { }
    ~GumboArena();
    GumboArena(const GumboArena &) = delete;
    GumboArena &operator=(const GumboArena &) = delete;

    // GumboOptions' allocator and deallocator; userdata is the arena.
    static void *allocate(void *arena, std::size_t size);
    static void deallocate(void *arena, void *block);

    std::size_t liveBytes() const { return m_live; }
    bool exceeded() const { return m_exceeded; }

    std::jmp_buf exhausted;

private:
    struct alignas(std::max_align_t) Header {
        Header *previous;
        Header *next;
        std::size_t size;
    };

    void *take(std::size_t size); // nullptr when over the budget or out of memory
    void give(void *block);

    Header *m_blocks = nullptr;
    std::size_t m_live = 0;
    std::size_t m_budget;
    bool m_exceeded = false;
};

} // namespace tierdesk::web
