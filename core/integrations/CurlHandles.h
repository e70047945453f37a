#pragma once

#include <curl/curl.h>

#include <memory>

namespace tierdesk {

// libcurl's easy handles and header lists, freed when they go out of scope.
struct CurlEasyDeleter {
    void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
struct CurlSlistDeleter {
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

} // namespace tierdesk
