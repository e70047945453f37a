#include "core/integrations/web/GumboArena.h"

#include <cstdlib>

namespace tierdesk::web {

GumboArena::~GumboArena()
{
    while (m_blocks) {
        Header *next = m_blocks->next;
        std::free(m_blocks);
        m_blocks = next;
    }
}

void *GumboArena::take(std::size_t size)
{
    if (size > m_budget || m_live > m_budget - size) {
        m_exceeded = true;
        return nullptr;
    }
    auto *header = static_cast<Header *>(std::malloc(sizeof(Header) + size));
    if (!header) {
        m_exceeded = true;
        return nullptr;
    }
    header->previous = nullptr;
    header->next = m_blocks;
    header->size = size;
    if (m_blocks)
        m_blocks->previous = header;
    m_blocks = header;
    m_live += size;
    return header + 1;
}

void GumboArena::give(void *block)
{
    if (!block)
        return;
    Header *header = static_cast<Header *>(block) - 1;
    if (header->previous)
        header->previous->next = header->next;
    else
        m_blocks = header->next;
    if (header->next)
        header->next->previous = header->previous;
    m_live -= header->size;
    std::free(header);
}

void *GumboArena::allocate(void *arena, std::size_t size)
{
    auto *self = static_cast<GumboArena *>(arena);
    void *block = self->take(size);
    if (!block)
        std::longjmp(self->exhausted, 1); // gumbo cannot take a null block
    return block;
}

void GumboArena::deallocate(void *arena, void *block)
{
    static_cast<GumboArena *>(arena)->give(block);
}

} // namespace tierdesk::web
