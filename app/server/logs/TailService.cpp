#include "TailService.h"
#include "logs/LokiController.h"
#include "logs/LokiQueryApi.h"
#include "logs/TenantAccess.h"

#include "http/RequestSink.h"


namespace lw::server {

namespace {
constexpr int64_t DefaultBacklogNs = 3600LL * 1000000000LL;
constexpr int MaxSubscribers = 1000;
constexpr uint16_t ClosePolicyViolation = 1008;

Json frame(const std::vector<std::pair<Labels, Json>> &streams)
{
    Json out = Json::array();
    for (const auto &[labels, values] : streams)
        out.push_back({{"stream", labels}, {"values", values}});
    return {{"streams", out}, {"dropped_entries", nullptr}};
}
} // namespace

struct TailService::Subscriber {
    std::shared_ptr<WebSocketChannel> channel;
    Authenticator::PrincipalPtr principal;
    std::string tenant;
    LogQLQuery query;
    std::vector<std::vector<LabelMatcher>> policies; // label policies: a stream must match one

    bool allowed(const Labels &labels) const
    {
        if (!query.matchesStream(labels))
            return false;
        if (policies.empty())
            return true;
        for (const auto &policy : policies) {
            bool all = true;
            for (const LabelMatcher &m : policy)
                all = all && m.matches(labels);
            if (all)
                return true;
        }
        return false;
    }
};

TailService::TailService(Authenticator &auth, TenantAccess &tenants, LokiQueryApi &queries, QObject *parent)
    : QObject(parent), m_auth(auth), m_tenants(tenants), m_queries(queries)
{
}

TailService::~TailService() = default;

void TailService::refuse(WebSocketChannel &channel, const std::string &why)
{
    channel.close(ClosePolicyViolation, why.substr(0, 120));
}

void TailService::remove(const WebSocketChannel *channel)
{
    auto it = std::find_if(m_subscribers.begin(), m_subscribers.end(),
                           [channel](const auto &s) { return s->channel.get() == channel; });
    if (it != m_subscribers.end())
        m_subscribers.erase(it);
}

void TailService::accept(const HttpRequest &upgrade, std::shared_ptr<WebSocketChannel> channel)
{
    if (upgrade.path != "/loki/api/v1/tail")
        return refuse(*channel, "no such endpoint: " + upgrade.path);
    if (m_subscribers.size() >= MaxSubscribers)
        return refuse(*channel, "too many live tails");

    HttpRequest req;
    req.method = "GET";
    req.path = upgrade.path;
    req.query = upgrade.query;
    req.headers = upgrade.headers;
    req.remote = upgrade.remote;

    auto result = m_auth.authenticate(req.header("authorization"));
    if (auto *why = std::get_if<std::string>(&result))
        return refuse(*channel, "unauthenticated: " + *why);
    auto principal = std::get<Authenticator::PrincipalPtr>(result);
    if (!principal->allows(scopes::LogsRead))
        return refuse(*channel, "forbidden: logs:read is needed to tail");
    req.principal = principal.get();

    auto sub = std::make_unique<Subscriber>();
    std::vector<QueriedEntry> backlog;
    std::map<int64_t, Labels> labelsById;
    try {
        sub->tenant = m_tenants.resolve(req);
        sub->query = parseLogQL(req.query.value(QStringLiteral("query")).toStdString());
        for (const std::string &s : principal->labelSelectorsFor(sub->tenant))
            sub->policies.push_back(parseSelector(s));
        const QString limitText = req.query.value(QStringLiteral("limit"));
        const size_t limit = limitText.isEmpty() ? 100 : std::min<size_t>(limitText.toUInt(), LokiQueryApi::MaxLimit);
        const int64_t now = nowNanos();
        LogQuery q;
        for (const StoredStream &s : m_queries.visibleStreams(req, sub->tenant, sub->query.selector)) {
            q.streamIds.push_back(s.id);
            labelsById[s.id] = s.labels;
        }
        q.startNs = LokiQueryApi::parseTime(req.query.value(QStringLiteral("start")), now - DefaultBacklogNs, "start");
        q.endNs = now + 1;
        q.limit = limit;
        const LogQLQuery &pipeline = sub->query;
        if (pipeline.hasStages()) {
            q.filter = [&pipeline, &labelsById](int64_t id, const std::string &line, Labels &) {
                Labels labels = labelsById.at(id);
                return pipeline.process(line, labels);
            };
        }
        backlog = q.limit ? m_queries.store().query(q) : std::vector<QueriedEntry>{};
    } catch (const ApiError &e) {
        return refuse(*channel, e.what());
    } catch (const LogQLError &e) {
        return refuse(*channel, e.what());
    }
    sub->principal = std::move(principal);
    sub->channel = channel;

    // The backlog, oldest first, grouped by stream.
    std::map<int64_t, Json> byStream;
    for (auto it = backlog.rbegin(); it != backlog.rend(); ++it) {
        auto [pos, inserted] = byStream.try_emplace(it->streamId, Json::array());
        pos->second.push_back({std::to_string(it->entry.timestampNs), it->entry.line});
    }
    std::vector<std::pair<Labels, Json>> streams;
    for (auto &[id, values] : byStream)
        streams.emplace_back(labelsById.at(id), std::move(values));
    if (!streams.empty())
        channel->sendText(frame(streams).dump(-1, ' ', false, Json::error_handler_t::replace));

    m_subscribers.push_back(std::move(sub));
    // The socket ends on an I/O thread; forget it here, on the event loop. (The server stops the
    // I/O threads before it destroys this service, so `this` is alive whenever this runs.)
    channel->setOnClosed([this, raw = channel.get()] {
        QMetaObject::invokeMethod(this, [this, raw] { remove(raw); }, Qt::QueuedConnection);
    });
}

void TailService::publish(const std::string &tenant, const std::vector<StreamBatch> &batches)
{
    for (const auto &sub : m_subscribers) {
        if (sub->tenant != tenant || !sub->channel)
            continue;
        std::vector<std::pair<Labels, Json>> streams;
        for (const StreamBatch &batch : batches) {
            if (!sub->allowed(batch.labels))
                continue;
            Json values = Json::array();
            for (const LogEntry &e : batch.entries) {
                Labels labels = batch.labels;
                if (sub->query.process(e.line, labels))
                    values.push_back({std::to_string(e.timestampNs), e.line});
            }
            if (!values.empty())
                streams.emplace_back(batch.labels, std::move(values));
        }
        if (!streams.empty())
            sub->channel->sendText(frame(streams).dump(-1, ' ', false, Json::error_handler_t::replace));
    }
}

} // namespace lw::server
