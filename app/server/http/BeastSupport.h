#pragma once
// Internal to the HTTP front: Boost.Beast/Asio aliases and a message body held in a QByteArray,
// so request bodies reach handlers and response bodies reach the socket without another copy.

#include <QByteArray>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace lw::server::beastio {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

struct QByteArrayBody {
    using value_type = QByteArray;

    static std::uint64_t size(const value_type &body) { return static_cast<std::uint64_t>(body.size()); }

    // Appends what arrives; the parser's body_limit bounds it (the caller sets it per route), and
    // nothing is reserved up front, so memory follows the bytes actually received.
    class reader {
    public:
        template <bool isRequest, class Fields>
        reader(http::header<isRequest, Fields> &, value_type &body) : m_body(body) {}
        void init(const boost::optional<std::uint64_t> &, beast::error_code &ec) { ec = {}; }
        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence &buffers, beast::error_code &ec)
        {
            std::size_t n = 0;
            for (const auto b : beast::buffers_range_ref(buffers)) {
                m_body.append(static_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
                n += b.size();
            }
            ec = {};
            return n;
        }
        void finish(beast::error_code &ec) { ec = {}; }

    private:
        value_type &m_body;
    };

    class writer {
    public:
        using const_buffers_type = asio::const_buffer;
        template <bool isRequest, class Fields>
        writer(const http::header<isRequest, Fields> &, const value_type &body) : m_body(body) {}
        void init(beast::error_code &ec) { ec = {}; }
        boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code &ec)
        {
            ec = {};
            return {{asio::const_buffer(m_body.constData(), static_cast<std::size_t>(m_body.size())), false}};
        }

    private:
        const value_type &m_body;
    };
};

using RequestParser = http::request_parser<QByteArrayBody>;
using Response = http::response<QByteArrayBody>;

} // namespace lw::server::beastio
