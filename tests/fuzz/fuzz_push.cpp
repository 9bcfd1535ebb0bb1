// Loki push bodies as the server decodes them: JSON, gzip or deflate JSON, and snappy-compressed
// logproto, with the push limits checked on what comes out. Input: kind byte, then the body.
#include "FuzzSupport.h"
#include "http/Compression.h"
#include "logs/PushDecoder.h"

#include <chrono>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::Input in(data, size);
    const uint8_t kind = in.byte();
    const QByteArray raw = QByteArray::fromStdString(in.rest());
    static const char *const Encodings[] = {"", "gzip", "deflate", "identity", "br"};
    std::string why;
    bool unsupported = false;
    auto body = lw::server::decodeContentEncoding(Encodings[(kind >> 1) % std::size(Encodings)], raw, 64 << 20, &why, &unsupported);
    if (!body)
        return 0;
    if (body->size() > (64 << 20))
        lw::fuzz::finding("decompression passed its limit");
    const lw::server::PushDecoder decoder;
    const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    try {
        const auto batches = kind & 1 ? decoder.decodeProtobuf(*body, now) : decoder.decodeJson(*body, now);
        size_t entries = 0;
        for (const auto &b : batches) {
            decoder.validate(b, now); // what was accepted passes the limits
            entries += b.entries.size();
        }
        if (entries > decoder.limits().maxEntries || batches.size() > decoder.limits().maxStreams)
            lw::fuzz::finding("a push past the entry or stream limit was accepted");
    } catch (const lw::server::PushRejected &) {
    }
    return 0;
}
