#pragma once
// Internal to the HTTP front: what every connection of one HttpFront shares.

#include "http/BeastSupport.h"
#include "http/HttpFront.h"

#include <atomic>
#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace lw::server {

class RequestSink;

namespace front {

// A connection the front can ask to finish (drain), from any thread.
class Connection {
public:
    virtual ~Connection() = default;
    virtual void drain() = 0; // idle: close now; busy: close after the current answer
};

class Ticket;

struct State : std::enable_shared_from_this<State> {
    explicit State(FrontLimits l) : limits(l) {}

    FrontLimits limits;
    std::atomic<size_t> open{0};
    std::atomic<size_t> busy{0};
    std::atomic<bool> draining{false};

    // Admission of a new connection against both caps; null when refused (and logged).
    std::unique_ptr<Ticket> admit(const std::string &client);
    void release(const std::string &client);

    // Connections, for drain(); each removes itself when it ends.
    std::list<std::weak_ptr<Connection>>::iterator enlist(std::weak_ptr<Connection> c);
    void delist(std::list<std::weak_ptr<Connection>>::iterator it);
    void drainAll();

    std::mutex mutex;
    std::unordered_map<std::string, size_t> perClient;
    std::list<std::weak_ptr<Connection>> connections;
    int64_t lastRefusalLogMs = 0;
    size_t refusedSinceLog = 0;

    std::vector<std::thread> threads;
    std::unique_ptr<beastio::asio::io_context> io; // destroyed first (see HttpFront::~HttpFront)
};

// Holds one connection's place in the caps for as long as it lives.
class Ticket {
public:
    Ticket(std::shared_ptr<State> state, std::string client) : m_state(std::move(state)), m_client(std::move(client)) {}
    ~Ticket() { m_state->release(m_client); }
    Ticket(const Ticket &) = delete;
    Ticket &operator=(const Ticket &) = delete;
    const std::shared_ptr<State> &state() const { return m_state; }
    const std::string &client() const { return m_client; }

private:
    std::shared_ptr<State> m_state;
    std::string m_client;
};

// Marks a connection busy while it lives (reading a body, awaiting or writing an answer).
class BusyMark {
public:
    explicit BusyMark(State &s) : m_state(&s) { ++m_state->busy; }
    ~BusyMark() { --m_state->busy; }
    BusyMark(const BusyMark &) = delete;
    BusyMark &operator=(const BusyMark &) = delete;

private:
    State *m_state;
};

} // namespace front
} // namespace lw::server
