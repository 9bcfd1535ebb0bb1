#include "LogQL.h"

#include "Json.h"
#include "JsonDepth.h"

#include <re2/re2.h>

#include <cctype>

namespace lw::server {

namespace {

class Lexer {
public:
    explicit Lexer(const std::string &text) : m_text(text) {}

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }
    bool consume(const std::string &token)
    {
        skipSpace();
        if (m_text.compare(m_pos, token.size(), token) == 0) {
            m_pos += token.size();
            return true;
        }
        return false;
    }
    void expect(const std::string &token)
    {
        if (!consume(token))
            error("expected \"" + token + "\"");
    }
    std::string identifier()
    {
        skipSpace();
        const size_t start = m_pos;
        while (m_pos < m_text.size()
               && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'))
            ++m_pos;
        if (start == m_pos || std::isdigit(static_cast<unsigned char>(m_text[start])))
            error("expected a label name");
        return m_text.substr(start, m_pos - start);
    }
    // "double-quoted with escapes" or `raw`
    std::string string()
    {
        skipSpace();
        if (m_pos >= m_text.size())
            error("expected a quoted string");
        const char quote = m_text[m_pos];
        if (quote != '"' && quote != '`')
            error("expected a quoted string");
        ++m_pos;
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            char c = m_text[m_pos++];
            if (quote == '"' && c == '\\' && m_pos < m_text.size()) {
                const char n = m_text[m_pos++];
                c = n == 'n' ? '\n' : n == 't' ? '\t' : n;
            }
            out += c;
        }
        if (m_pos >= m_text.size())
            error("unterminated string");
        ++m_pos;
        return out;
    }
    [[noreturn]] void error(const std::string &what) const
    {
        throw LogQLError("parse error at position " + std::to_string(m_pos + 1) + ": " + what);
    }

private:
    const std::string &m_text;
    size_t m_pos = 0;
};

std::shared_ptr<const re2::RE2> compile(const std::string &pattern, Lexer &lexer)
{
    if (pattern.size() > MaxRegexBytes) {
        lexer.error("the regular expression is " + std::to_string(pattern.size()) + " bytes long; the limit is "
                    + std::to_string(MaxRegexBytes));
    }
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(8 << 20); // bounds the compiled program (e.g. a{1000}{1000})
    auto re = std::make_shared<const re2::RE2>(pattern, options);
    if (!re->ok())
        lexer.error("invalid regular expression \"" + pattern.substr(0, 64) + "\": " + re->error());
    return re;
}

LabelMatcher matcher(Lexer &lexer)
{
    LabelMatcher m;
    m.name = lexer.identifier();
    if (lexer.consume("=~"))
        m.op = LabelMatcher::Op::Regex;
    else if (lexer.consume("!~"))
        m.op = LabelMatcher::Op::NotRegex;
    else if (lexer.consume("!="))
        m.op = LabelMatcher::Op::NotEqual;
    else if (lexer.consume("="))
        m.op = LabelMatcher::Op::Equal;
    else
        lexer.error("expected =, !=, =~ or !~");
    m.value = lexer.string();
    if (m.op == LabelMatcher::Op::Regex || m.op == LabelMatcher::Op::NotRegex)
        m.regex = compile(m.value, lexer);
    return m;
}

std::vector<LabelMatcher> selector(Lexer &lexer)
{
    lexer.expect("{");
    std::vector<LabelMatcher> out;
    if (!lexer.consume("}")) {
        do {
            out.push_back(matcher(lexer));
        } while (lexer.consume(","));
        lexer.expect("}");
    }
    bool anyNonEmpty = false;
    for (const LabelMatcher &m : out) {
        const bool matchesEmpty = m.matchesValue({});
        anyNonEmpty = anyNonEmpty || !matchesEmpty;
    }
    if (!anyNonEmpty)
        throw LogQLError("queries require at least one matcher that does not match the empty string, e.g. {job=\"api\"}");
    return out;
}

// Parsed labels go to `out`, renamed "<name>_extracted" when the stream has the name already.
void putExtracted(const Labels &stream, Labels &out, std::string key, std::string value)
{
    if (stream.count(key))
        key += "_extracted";
    out[std::move(key)] = std::move(value);
}

void parseLogfmt(std::string_view line, const Labels &stream, Labels &labels)
{
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        const size_t keyStart = i;
        while (i < line.size() && line[i] != '=' && line[i] != ' ')
            ++i;
        const std::string key(line.substr(keyStart, i - keyStart));
        std::string value;
        if (i < line.size() && line[i] == '=') {
            ++i;
            if (i < line.size() && line[i] == '"') {
                ++i;
                while (i < line.size() && line[i] != '"') {
                    if (line[i] == '\\' && i + 1 < line.size())
                        ++i;
                    value += line[i++];
                }
                ++i;
            } else {
                const size_t v = i;
                while (i < line.size() && line[i] != ' ')
                    ++i;
                value = std::string(line.substr(v, i - v));
            }
        }
        if (!key.empty())
            putExtracted(stream, labels, key, std::move(value));
    }
}

void flattenJson(const Json &value, const std::string &prefix, const Labels &stream, Labels &labels)
{
    for (auto it = value.begin(); it != value.end(); ++it) {
        std::string key = prefix.empty() ? it.key() : prefix + "_" + it.key();
        for (char &c : key) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
                c = '_';
        }
        if (it.value().is_object())
            flattenJson(it.value(), key, stream, labels);
        else if (it.value().is_string())
            putExtracted(stream, labels, key, it.value().get<std::string>());
        else if (!it.value().is_array())
            putExtracted(stream, labels, key, it.value().dump());
    }
}

} // namespace

bool LabelMatcher::matches(const Labels &labels) const
{
    auto it = labels.find(name);
    return matchesValue(it == labels.end() ? std::string_view() : std::string_view(it->second));
}

bool LabelMatcher::matchesValue(std::string_view actual) const
{
    switch (op) {
    case Op::Equal: return actual == value;
    case Op::NotEqual: return actual != value;
    case Op::Regex: return re2::RE2::FullMatch(actual, *regex);
    case Op::NotRegex: return !re2::RE2::FullMatch(actual, *regex);
    }
    return false;
}

bool LogQLQuery::matchesStream(const Labels &labels) const
{
    for (const LabelMatcher &m : selector) {
        if (!m.matches(labels))
            return false;
    }
    return true;
}

bool LogQLQuery::process(std::string_view line, const Labels &stream, Labels &labels) const
{
    if (!logfmtNeedles.empty() && line.find('\\') == std::string_view::npos) {
        for (const auto &[name, value] : logfmtNeedles) {
            if (!stream.count(name) && line.find(value) == std::string_view::npos)
                return false;
        }
    }
    for (const Stage &s : stages) {
        switch (s.kind) {
        case Stage::Kind::LineContains:
            if (line.find(s.text) == std::string_view::npos)
                return false;
            break;
        case Stage::Kind::LineNotContains:
            if (line.find(s.text) != std::string_view::npos)
                return false;
            break;
        case Stage::Kind::LineRegex:
            if (!re2::RE2::PartialMatch(line, *s.regex))
                return false;
            break;
        case Stage::Kind::LineNotRegex:
            if (re2::RE2::PartialMatch(line, *s.regex))
                return false;
            break;
        case Stage::Kind::Json: {
            const Json doc = lw::jsonTooDeepAt(line) ? Json() : Json::parse(line.begin(), line.end(), nullptr, false);
            if (doc.is_object())
                flattenJson(doc, {}, stream, labels);
            else
                labels["__error__"] = "JSONParserErr";
            break;
        }
        case Stage::Kind::Logfmt:
            parseLogfmt(line, stream, labels);
            break;
        case Stage::Kind::LabelFilter: {
            auto extracted = labels.find(s.matcher.name);
            if (extracted != labels.end()) {
                if (!s.matcher.matchesValue(extracted->second))
                    return false;
            } else if (!s.matcher.matches(stream)) {
                return false;
            }
            break;
        }
        }
    }
    return true;
}

LogQLQuery parseLogQL(const std::string &text)
{
    if (text.size() > 8192)
        throw LogQLError("the query is longer than 8192 characters");
    Lexer lexer(text);
    LogQLQuery q;
    q.selector = selector(lexer);
    while (!lexer.atEnd()) {
        LogQLQuery::Stage stage{};
        if (lexer.consume("|=")) {
            stage.kind = LogQLQuery::Stage::Kind::LineContains;
            stage.text = lexer.string();
        } else if (lexer.consume("!=")) {
            stage.kind = LogQLQuery::Stage::Kind::LineNotContains;
            stage.text = lexer.string();
        } else if (lexer.consume("|~")) {
            stage.kind = LogQLQuery::Stage::Kind::LineRegex;
            stage.text = lexer.string();
            stage.regex = compile(stage.text, lexer);
        } else if (lexer.consume("!~")) {
            stage.kind = LogQLQuery::Stage::Kind::LineNotRegex;
            stage.text = lexer.string();
            stage.regex = compile(stage.text, lexer);
        } else if (lexer.consume("|")) {
            if (lexer.consume("json")) {
                stage.kind = LogQLQuery::Stage::Kind::Json;
            } else if (lexer.consume("logfmt")) {
                stage.kind = LogQLQuery::Stage::Kind::Logfmt;
            } else {
                stage.kind = LogQLQuery::Stage::Kind::LabelFilter;
                stage.matcher = matcher(lexer);
            }
        } else {
            lexer.error("expected a line filter (|=, !=, |~, !~) or a pipeline stage (| json, | logfmt, | label=\"v\")");
        }
        q.stages.push_back(std::move(stage));
    }
    bool logfmtSeen = false, otherParserSeen = false;
    for (const LogQLQuery::Stage &stage : q.stages) {
        logfmtSeen = logfmtSeen || stage.kind == LogQLQuery::Stage::Kind::Logfmt;
        otherParserSeen = otherParserSeen || stage.kind == LogQLQuery::Stage::Kind::Json;
        if (stage.kind == LogQLQuery::Stage::Kind::LabelFilter && logfmtSeen && !otherParserSeen
            && stage.matcher.op == LabelMatcher::Op::Equal && !stage.matcher.value.empty() && stage.matcher.name != "__error__")
            q.logfmtNeedles.emplace_back(stage.matcher.name, stage.matcher.value);
    }
    return q;
}

std::vector<LabelMatcher> parseSelector(const std::string &text)
{
    Lexer lexer(text);
    auto out = selector(lexer);
    if (!lexer.atEnd())
        lexer.error("unexpected text after the selector");
    return out;
}

Labels parseLabelSet(const std::string &text)
{
    Lexer lexer(text);
    lexer.expect("{");
    Labels out;
    if (!lexer.consume("}")) {
        do {
            const std::string name = lexer.identifier();
            lexer.expect("=");
            out[name] = lexer.string();
        } while (lexer.consume(","));
        lexer.expect("}");
    }
    if (!lexer.atEnd())
        lexer.error("unexpected text after the labels");
    return out;
}

} // namespace lw::server
