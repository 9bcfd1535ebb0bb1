#pragma once

#include <QByteArray>

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

namespace lw::server {

struct Route;

// The API reference (resources/openapi.json, OpenAPI 3.1), built into the binary and served at
// GET /api/openapi.json. Tests hold the server to it: test_openapi compares the router with its
// paths and methods, and when LOGWARDEND_UNDOCUMENTED_LOG names a file (the test harness sets
// it), every answer whose status the document does not list for its route is appended there
// as "METHOD /pattern STATUS", once each, so a suite fails on an undocumented answer.
class ApiDocument {
public:
    static const ApiDocument &embedded();

    const QByteArray &bytes() const { return m_bytes; }
    const std::string &etag() const { return m_etag; }
    // The statuses the document lists for an operation; nullptr when it has no such operation.
    const std::set<int> *statuses(const std::string &method, const std::string &pattern) const;
    // Records an answer the document does not list (only when LOGWARDEND_UNDOCUMENTED_LOG is set).
    void check(const Route &route, const std::string &method, int status) const;

    // "/a/{name}/b" for a route's segments: the form of the document's paths.
    static std::string pattern(const Route &route);

private:
    ApiDocument();
    QByteArray m_bytes;
    std::string m_etag;
    std::map<std::pair<std::string, std::string>, std::set<int>> m_operations;
    std::string m_undocumentedLog;
    mutable std::mutex m_mutex;
    mutable std::set<std::string> m_reported;
};

} // namespace lw::server
