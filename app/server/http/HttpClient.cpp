#include "HttpClient.h"
#include "BeastSupport.h"
#include "Guarded.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <optional>
#include <sstream>

namespace lw::server {

using namespace beastio;

struct HttpClient::Call {
    Request request;
    QByteArray bytes; // the request as written (made once, before any connection)
    Done done;
    QObject *scope = nullptr;   // the call's timer and, through `attempt`, its socket connections
    QObject *attempt = nullptr; // context of the connections to the current socket
    QAbstractSocket *socket = nullptr;
    std::optional<http::response_parser<QByteArrayBody>> parser;
    QByteArray pending; // received, not yet taken by the parser
    qint64 received = 0; // bytes of the answer so far, framing included
    bool reused = false;   // on a connection kept from an earlier request
    bool answered = false; // a byte of the answer arrived
    bool retried = false;
    bool finished = false;
};

namespace {

// The answer the parser has read whole.
HttpClient::Answer answerOf(http::response_parser<QByteArrayBody> &parser)
{
    HttpClient::Answer answer;
    answer.status = int(parser.get().result_int());
    answer.contentType = QByteArray::fromStdString(std::string(parser.get()[http::field::content_type]));
    answer.body = std::move(parser.get().body());
    return answer;
}

} // namespace

HttpClient::HttpClient(const QUrl &origin, QList<QSslCertificate> ca, qint64 maxBodyBytes, int timeoutMs, QObject *parent)
    : QObject(parent), m_origin(origin), m_ca(std::move(ca)), m_maxBody(maxBodyBytes), m_timeoutMs(timeoutMs)
{
    // Anything else would be spoken as plain HTTP, credentials and all.
    if (m_origin.scheme() != QLatin1String("http") && m_origin.scheme() != QLatin1String("https"))
        throw std::invalid_argument("not an http or https URL: " + m_origin.toString(QUrl::RemoveUserInfo).toStdString());
}

HttpClient::~HttpClient()
{
    // Calls in flight are dropped unanswered: no socket may reach them while members go (a socket
    // destroyed with its parent would say "disconnected" into a half-destroyed client).
    for (QAbstractSocket *socket : findChildren<QAbstractSocket *>(Qt::FindDirectChildrenOnly)) {
        socket->disconnect();
        socket->abort();
    }
    for (const auto &call : m_waiting)
        call->finished = true;
}

QAbstractSocket *HttpClient::openSocket()
{
    const bool tls = m_origin.scheme() == QLatin1String("https");
    const quint16 port = quint16(m_origin.port(tls ? 443 : 80));
    if (!tls) {
        auto *socket = new QTcpSocket(this);
        ++m_open;
        socket->connectToHost(m_origin.host(), port);
        return socket;
    }
    auto *socket = new QSslSocket(this);
    ++m_open;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_ca.isEmpty())
        config.setCaCertificates(m_ca);
    socket->setSslConfiguration(config);
    socket->setPeerVerifyName(m_origin.host());
    socket->connectToHostEncrypted(m_origin.host(), port); // certificate errors end it (errorOccurred)
    return socket;
}

// Every socket ends here: closed and counted out.
void HttpClient::close(QAbstractSocket *socket)
{
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
    --m_open;
}

// Closed, and a waiting request may take its place.
void HttpClient::discard(QAbstractSocket *socket)
{
    close(socket);
    QMetaObject::invokeMethod(this, guarded("starting a waiting upstream request", [this] { pump(); }), Qt::QueuedConnection);
}

// Whether the call can start now; when every connection is open and only kept ones are free, which
// it may not use, one of them is closed to make room.
bool HttpClient::roomFor(const Call &call)
{
    if (m_open < MaxConnections || (call.request.retryable() && !m_idle.empty()))
        return true;
    if (m_idle.empty())
        return false;
    close(m_idle.front());
    m_idle.erase(m_idle.begin());
    return true;
}

void HttpClient::pump()
{
    while (!m_waiting.empty()) {
        const std::shared_ptr<Call> call = m_waiting.front();
        if (!call->finished && !roomFor(*call))
            return;
        m_waiting.erase(m_waiting.begin());
        if (!call->finished)
            start(call, call->request.retryable());
    }
}

void HttpClient::send(Request request, Done done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    call->scope = new QObject(this);
    auto *timer = new QTimer(call->scope);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, call->scope, guarded("an upstream timeout", [this, call] {
        if (call->finished)
            return;
        Answer answer;
        answer.failure = Answer::Failure::Timeout;
        answer.error = "no answer within " + std::to_string(m_timeoutMs / 1000) + " s";
        finish(call, std::move(answer), false);
    }));
    timer->start(m_timeoutMs);
    try {
        call->bytes = serialize(call->request);
    } catch (const std::exception &e) { // answered from the event loop, once, like every other failure
        Answer answer;
        answer.failure = Answer::Failure::Network;
        answer.error = std::string("the request could not be written: ") + e.what();
        QMetaObject::invokeMethod(call->scope, guarded("a failed upstream request", [this, call, answer] {
            if (!call->finished)
                finish(call, answer, false);
        }), Qt::QueuedConnection);
        return;
    }
    if (!m_waiting.empty() || !roomFor(*call)) {
        m_waiting.push_back(call);
        return;
    }
    // Only what may be sent twice goes on a kept connection: the peer may have closed it meanwhile.
    start(call, call->request.retryable());
}

QByteArray HttpClient::serialize(const Request &request) const
{
    http::request<http::string_body> head;
    head.method_string(request.method.toStdString());
    head.target(request.target.toStdString());
    head.version(11);
    QString host = m_origin.host(QUrl::FullyEncoded);
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const bool tls = m_origin.scheme() == QLatin1String("https");
    if (m_origin.port() > 0 && m_origin.port() != (tls ? 443 : 80))
        host += QLatin1Char(':') + QString::number(m_origin.port());
    head.set(http::field::host, host.toStdString());
    for (const auto &[name, value] : request.headers)
        head.set(name.toStdString(), value.toStdString());
    if (!request.body.isEmpty() || request.method != "GET") {
        head.body() = request.body.toStdString();
        head.prepare_payload();
    }
    std::ostringstream out;
    out << head;
    return QByteArray::fromStdString(out.str());
}

void HttpClient::start(const std::shared_ptr<Call> &call, bool mayReuse)
{
    QAbstractSocket *socket = nullptr;
    while (mayReuse && !m_idle.empty() && !socket) {
        socket = m_idle.back();
        m_idle.pop_back();
        disconnect(socket, nullptr, this, nullptr); // its idle watch
        if (socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0) {
            discard(socket); // closed by the peer meanwhile, or it sent what nobody asked for
            socket = nullptr;
        }
    }
    call->reused = socket != nullptr;
    if (!socket)
        socket = openSocket();
    call->parser.emplace();
    call->parser->body_limit(std::uint64_t(m_maxBody));
    call->parser->header_limit(MaxHeadBytes);
    call->parser->eager(true);
    call->pending.clear();
    call->received = 0;
    call->answered = false;
    if (call->attempt) { // a retry: the stale socket's connections go now, their context later
        disconnect(call->socket, nullptr, call->attempt, nullptr);
        call->attempt->deleteLater();
    }
    call->attempt = new QObject(call->scope);
    call->socket = socket;

    connect(socket, &QIODevice::readyRead, call->attempt, guarded("reading an upstream answer", [this, call] { onData(call); }));
    const auto closed = guarded("a closed upstream connection", [this, call] { onClosed(call); });
    connect(socket, &QAbstractSocket::disconnected, call->attempt, closed);
    connect(socket, &QAbstractSocket::errorOccurred, call->attempt, closed);

    // Qt may fail a connection inside connectToHost (an address literal refused at once, a name
    // whose failed lookup it remembers), before the handlers above were there to hear it.
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        QMetaObject::invokeMethod(call->attempt, closed, Qt::QueuedConnection);
        return;
    }
    // A TLS socket keeps what is written before its handshake ends; a plain one is written once connected.
    const QByteArray bytes = call->bytes;
    if (socket->state() == QAbstractSocket::ConnectedState || qobject_cast<QSslSocket *>(socket))
        socket->write(bytes);
    else
        connect(socket, &QAbstractSocket::connected, call->attempt, [socket, bytes] { socket->write(bytes); });
}

void HttpClient::onData(const std::shared_ptr<Call> &call)
{
    if (call->finished)
        return;
    const QByteArray chunk = call->socket->readAll();
    if (chunk.isEmpty())
        return;
    call->answered = true;
    call->received += chunk.size();
    call->pending += chunk;
    auto &parser = *call->parser;
    while (!parser.is_done() && !call->pending.isEmpty()) {
        beast::error_code ec;
        const size_t used = parser.put(asio::const_buffer(call->pending.constData(), size_t(call->pending.size())), ec);
        call->pending.remove(0, qsizetype(used));
        if (ec == http::error::need_more)
            break;
        if (ec) {
            Answer answer;
            answer.failure = ec == http::error::body_limit ? Answer::Failure::TooLarge : Answer::Failure::Network;
            answer.error = ec == http::error::header_limit ? "the answer's head is larger than 64 KiB"
                                                             : "the answer cannot be read: " + ec.message();
            return finish(call, std::move(answer), false);
        }
        if (used == 0)
            break;
    }
    if (!parser.is_done()) {
        // What the parser holds back is a head, a chunk's size line or a trailer not yet ended; and
        // framing is a small part of an answer. Neither may grow without end.
        Answer answer;
        if (call->pending.size() > qsizetype(MaxHeadBytes)) {
            answer.failure = Answer::Failure::Network;
            answer.error = "the answer cannot be read: a line of it is longer than 64 KiB";
            return finish(call, std::move(answer), false);
        }
        if (call->received > m_maxBody + m_maxBody / 8 + 2 * qint64(MaxHeadBytes)) {
            answer.failure = Answer::Failure::TooLarge;
            answer.error = "the answer is larger than the limit";
            return finish(call, std::move(answer), false);
        }
        return;
    }
    // Reused only when the answer ended exactly where its framing says and the peer keeps it open.
    const bool keep = parser.get().keep_alive() && call->pending.isEmpty();
    finish(call, answerOf(parser), keep);
}

void HttpClient::onClosed(const std::shared_ptr<Call> &call)
{
    if (call->finished)
        return;
    onData(call); // what arrived before the close
    if (call->finished)
        return;
    // A kept connection the peer closed just as it was reused: sent once more, on a new one.
    if (call->reused && !call->answered && !call->retried && call->request.retryable()) {
        call->retried = true;
        QAbstractSocket *stale = call->socket;
        disconnect(stale, nullptr, call->attempt, nullptr);
        discard(stale);
        return start(call, false);
    }
    auto &parser = *call->parser;
    if (parser.is_header_done()) { // an answer that ends with the connection
        beast::error_code ec;
        parser.put_eof(ec);
        if (!ec && parser.is_done())
            return finish(call, answerOf(parser), false);
    }
    Answer answer;
    answer.failure = Answer::Failure::Network;
    answer.error = call->socket->error() == QAbstractSocket::RemoteHostClosedError || call->answered
                       ? "the connection was closed before the answer was complete"
                       : call->socket->errorString().toStdString();
    finish(call, std::move(answer), false);
}

void HttpClient::finish(const std::shared_ptr<Call> &call, Answer answer, bool keepSocket)
{
    call->finished = true;
    call->scope->deleteLater(); // its timer and connections go with it
    for (QTimer *timer : call->scope->findChildren<QTimer *>(Qt::FindDirectChildrenOnly))
        timer->stop();
    if (QAbstractSocket *socket = call->socket) { // (none while it waited for a connection)
        disconnect(socket, nullptr, call->attempt, nullptr);
        if (keepSocket && socket->state() == QAbstractSocket::ConnectedState)
            keepIdle(socket);
        else
            discard(socket);
    } else {
        m_waiting.erase(std::remove(m_waiting.begin(), m_waiting.end(), call), m_waiting.end());
    }
    Done done = std::move(call->done);
    guarded("handling an upstream answer", [&done, &answer] { done(std::move(answer)); })(); // never into the event loop
}

void HttpClient::keepIdle(QAbstractSocket *socket)
{
    m_idle.push_back(socket);
    // An idle connection that closes, or says anything unasked, is not used again.
    const auto drop = [this, socket] {
        const auto it = std::find(m_idle.begin(), m_idle.end(), socket);
        if (it == m_idle.end())
            return;
        m_idle.erase(it);
        discard(socket);
    };
    connect(socket, &QIODevice::readyRead, this, drop);
    connect(socket, &QAbstractSocket::disconnected, this, drop);
    QMetaObject::invokeMethod(this, guarded("starting a waiting upstream request", [this] { pump(); }), Qt::QueuedConnection);
}

} // namespace lw::server
