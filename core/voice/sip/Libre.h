#pragma once

// libre's headers, with the platform defines that cmake/Sip.cmake sets, in one place; and a
// holder that gives back a libre object (mem_deref) when it goes. libre is not thread-safe: every
// object here is made, used and given back on the SIP thread only (SipStack), or in a test or fuzz
// target that has no other thread touching libre.
#include <re.h>

namespace tierdesk::voice::sip {

template <typename T> class LibreRef {
public:
    LibreRef() = default;
    explicit LibreRef(T *p) : m_p(p) { }
    ~LibreRef() { reset(); }
    LibreRef(const LibreRef &) = delete;
    LibreRef &operator=(const LibreRef &) = delete;
    LibreRef(LibreRef &&other) noexcept : m_p(other.m_p) { other.m_p = nullptr; }
    LibreRef &operator=(LibreRef &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_p = other.m_p;
            other.m_p = nullptr;
        }
        return *this;
    }

    T *get() const { return m_p; }
    T **out() // for libre's allocators, which take T**
    {
        reset();
        return &m_p;
    }
    void reset()
    {
        if (m_p)
            mem_deref(m_p);
        m_p = nullptr;
    }
    explicit operator bool() const { return m_p != nullptr; }

private:
    T *m_p = nullptr;
};

} // namespace tierdesk::voice::sip
