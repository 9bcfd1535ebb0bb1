#include "Compression.h"

#include <zlib.h>

namespace lw::server {

std::optional<QByteArray> inflateBody(const QByteArray &compressed, qint64 maxBytes, std::string *error)
{
    z_stream stream{};
    // 32 + MAX_WBITS: detect gzip or zlib headers automatically.
    if (inflateInit2(&stream, 32 + MAX_WBITS) != Z_OK) {
        *error = "cannot start decompression";
        return std::nullopt;
    }
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    QByteArray out;
    char chunk[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&stream);
            *error = rc == Z_BUF_ERROR ? "the compressed body is truncated" : "the compressed body is corrupt";
            return std::nullopt;
        }
        out.append(chunk, static_cast<qsizetype>(sizeof chunk - stream.avail_out));
        if (out.size() > maxBytes) {
            inflateEnd(&stream);
            *error = "the body is larger than " + std::to_string(maxBytes) + " bytes once decompressed";
            return std::nullopt;
        }
        if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            *error = "the compressed body is truncated";
            return std::nullopt;
        }
    }
    inflateEnd(&stream);
    return out;
}

std::optional<QByteArray> decodeContentEncoding(const QByteArray &encoding, const QByteArray &body, qint64 maxBytes,
                                                std::string *error, bool *unsupported)
{
    *unsupported = false;
    const QByteArray e = encoding.trimmed().toLower();
    if (e.isEmpty() || e == "identity")
        return body;
    if (e == "gzip" || e == "x-gzip" || e == "deflate")
        return inflateBody(body, maxBytes, error);
    *unsupported = true;
    *error = "content encoding \"" + e.left(32).toStdString() + "\" is not supported (use gzip, deflate or none)";
    return std::nullopt;
}

} // namespace lw::server
