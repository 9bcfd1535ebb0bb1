#pragma once

#include <QByteArray>

#include <optional>
#include <string>

namespace lw::server {

// Inflates a gzip or zlib ("deflate") body with zlib, refusing to produce more than maxBytes
// (so a small compressed bomb cannot exhaust memory). nullopt with `error` set on failure.
std::optional<QByteArray> inflateBody(const QByteArray &compressed, qint64 maxBytes, std::string *error);

// Decodes a request body by its Content-Encoding ("", identity, gzip, deflate). nullopt with
// `error` when the encoding is unknown (unsupported = true) or the data is corrupt or too large.
std::optional<QByteArray> decodeContentEncoding(const QByteArray &encoding, const QByteArray &body, qint64 maxBytes,
                                                std::string *error, bool *unsupported);

} // namespace lw::server
