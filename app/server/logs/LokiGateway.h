#pragma once

#include "http/HttpTypes.h"
#include "logs/LabelPolicy.h"
#include "logs/LokiUpstream.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lw::server {

class Router;
class TenantAccess;

// With --loki-url, Loki's read API is Loki's: query_range, query, labels, label values, series and
// delete (and, through TailService, tail) go to it with the tenant header, after the same
// authentication and tenant checks as the embedded store's. A principal under a label policy is
// held to it twice: every stream selector it sends gets the policy's matchers (restrictQuery), so
// Loki reads only allowed streams, and every stream in Loki's answer is checked against the policy
// again before it is passed on. A policy of several selectors (realms) runs one query per
// selector; their log answers are merged (a stream delivered by an earlier selector is not
// repeated), their metric answers cannot be and are refused.
class LokiGateway {
public:
    LokiGateway(TenantAccess &tenants, QUrl base, QByteArray token, QByteArray caPem);
    void registerRoutes(Router &router);
    LokiUpstream &upstream() { return m_upstream; }

    // The queries to run for `query` under `policy`: itself when unrestricted, else one per policy
    // selector with its matchers added to every stream selector. Throws ApiError (400).
    static std::vector<std::string> restrictedQueries(const std::string &query, const LabelPolicy &policy);
    // Whether a stream of the answer to restrictedQueries()[variant] is passed on: the policy
    // allows it, and no earlier variant's selector matches it (that variant delivered it).
    static bool keepStream(const Labels &labels, const LabelPolicy &policy, size_t variant);
    // A stream's labels from Loki's JSON; nullopt when they are not an object of strings.
    static std::optional<Labels> labelsOf(const Json &object);
    // Loki's JSON answer, depth-checked; nullopt when it is not JSON.
    static std::optional<Json> parseAnswer(const QByteArray &body);

    static constexpr size_t MaxPolicySelectors = 16; // queries one request may fan out to

private:
    HttpResponse query(HttpRequest &req, bool instant);
    HttpResponse labels(HttpRequest &req);
    HttpResponse labelValues(HttpRequest &req);
    HttpResponse series(HttpRequest &req);
    HttpResponse remove(HttpRequest &req);
    // Unrestricted: the request as it is (the parameters Loki's API has), Loki's answer as it is.
    HttpResponse relay(const std::string &tenant, const QString &path, const LokiUpstream::Params &query, bool post = false);
    struct DeleteRun {
        std::string tenant;
        std::vector<LokiUpstream::Params> requests;
        size_t next = 0;
        std::function<void(HttpResponse)> reply;
    };
    void deleteNext(const std::shared_ptr<DeleteRun> &run);
    // The answers of one query per policy selector (one or several) as the client's answer.
    void mergeAnswers(std::vector<LokiUpstream::Answer> &answers, const LabelPolicy &policy, size_t limit, bool forward,
                      const std::function<void(HttpResponse)> &reply) const;
    void seriesAnswered(const LokiUpstream::Answer &a, const LabelPolicy &policy,
                        const std::function<HttpResponse(const std::vector<Labels> &)> &answer,
                        const std::function<void(HttpResponse)> &reply) const;
    // Restricted: the series matching `matches` under the policy, for labels, values and series.
    HttpResponse seriesUnderPolicy(const HttpRequest &req, const std::string &tenant, const LabelPolicy &policy,
                                   const std::vector<std::string> &matches,
                                   std::function<HttpResponse(const std::vector<Labels> &)> answer);

    TenantAccess &m_tenants;
    LokiUpstream m_upstream;
};

} // namespace lw::server
