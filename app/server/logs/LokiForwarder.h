#pragma once

#include "logs/LogRecords.h"

#include "http/HttpClient.h"

#include <QUrl>

#include <functional>
#include <string>
#include <vector>

namespace lw::server {

// At scale: sends accepted (validated) pushes to a real Loki instead of the embedded store, as
// snappy-compressed logproto with X-Scope-OrgID. The push is acknowledged only once Loki took it.
class LokiForwarder {
public:
    struct Outcome {
        int status = 0;          // what to answer the client: 204, Loki's 4xx, or 502
        std::string message;
    };

    // url: Loki's push URL (…/loki/api/v1/push); bearerToken: sent as Authorization when set.
    LokiForwarder(QUrl url, QByteArray bearerToken, QByteArray caPem);

    void push(const std::string &tenant, const std::vector<StreamBatch> &batches, std::function<void(Outcome)> done);
    static QByteArray encode(const std::vector<StreamBatch> &batches); // logproto + snappy

private:
    QUrl m_url;
    QByteArray m_token;
    HttpClient m_client;
};

} // namespace lw::server
