#include "CollectorDetails.h"

#include "JsonTableModel.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace lw::ui {

namespace {

QTextCharFormat charFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

QString shortHash(const std::string &hash)
{
    return hash.empty() ? QCoreApplication::translate("lw::ui", "none") : QString::fromStdString(hash.substr(0, 12));
}

} // namespace

AlloySyntaxHighlighter::AlloySyntaxHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void AlloySyntaxHighlighter::highlightBlock(const QString &text)
{
    // Patterns are ours, fixed; the text is the server's pipeline.
    static const QRegularExpression block(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)\\s*(?=\"|\\{)"));
    static const QRegularExpression attribute(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*="));
    static const QRegularExpression nested(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\{"));
    static const QRegularExpression literal(QStringLiteral("\\b(true|false|null|-?[0-9]+(?:\\.[0-9]+)?)\\b"));
    const QTextCharFormat blockFormat = charFormat(QColor(0x1565c0), true), attrFormat = charFormat(QColor(0x6a1b9a)),
                          stringFormat = charFormat(QColor(0x2e7d32)), literalFormat = charFormat(QColor(0xc62828)),
                          commentFormat = charFormat(QColor(0x757575), false, true);
    if (const auto m = block.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), blockFormat);
    else if (const auto n = nested.match(text); n.hasMatch())
        setFormat(int(n.capturedStart(1)), int(n.capturedLength(1)), blockFormat);
    if (const auto m = attribute.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), attrFormat);
    for (auto it = literal.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), literalFormat);
    }
    // Strings and comments, scanned left to right so that "//" in a string is not a comment.
    int i = 0;
    if (previousBlockState() == 1) { // inside /* */
        const int end = int(text.indexOf(QLatin1String("*/")));
        if (end < 0) {
            setFormat(0, int(text.size()), commentFormat);
            return setCurrentBlockState(1);
        }
        setFormat(0, end + 2, commentFormat);
        i = end + 2;
    }
    setCurrentBlockState(0);
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('`')) {
            int j = i + 1;
            while (j < text.size() && text.at(j) != c)
                j += (c == QLatin1Char('"') && text.at(j) == QLatin1Char('\\')) ? 2 : 1;
            setFormat(i, std::min(j + 1, int(text.size())) - i, stringFormat);
            i = j + 1;
        } else if (text.mid(i, 2) == QLatin1String("//")) {
            setFormat(i, int(text.size()) - i, commentFormat);
            return;
        } else if (text.mid(i, 2) == QLatin1String("/*")) {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                setFormat(i, int(text.size()) - i, commentFormat);
                return setCurrentBlockState(1);
            }
            setFormat(i, end + 2 - i, commentFormat);
            i = end + 2;
        } else {
            ++i;
        }
    }
}

CollectorDetails::CollectorDetails(QWidget *parent)
    : QWidget(parent), m_status(new QLabel(this)), m_tabs(new QTabWidget(this)), m_pipeline(new QPlainTextEdit(this)),
      m_record(new QPlainTextEdit(this))
{
    m_status->setObjectName(QStringLiteral("collectorStatus"));
    m_status->setTextFormat(Qt::PlainText); // ids, errors and attributes are the agent's words
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QPlainTextEdit *e : {m_pipeline, m_record}) {
        e->setReadOnly(true);
        e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        e->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_pipeline->setObjectName(QStringLiteral("pipeline"));
    new AlloySyntaxHighlighter(m_pipeline->document());
    m_tabs->addTab(m_pipeline, tr("Pipeline"));
    m_tabs->addTab(m_record, tr("Record (JSON)"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    clear();
}

void CollectorDetails::clear(const QString &placeholder)
{
    m_status->setText(placeholder.isEmpty() ? tr("Select a collector to see its pipeline, hashes and last error.") : placeholder);
    m_status->setStyleSheet(QString());
    m_pipeline->clear();
    m_record->clear();
}

void CollectorDetails::showRecord(const Json &c)
{
    m_record->setPlainText(QString::fromStdString(c.dump(2)));
    const std::string served = lw::tolerant::string(c, "servedHash"), applied = lw::tolerant::string(c, "appliedHash"), current = lw::tolerant::string(c, "currentHash");
    QString runs;
    if (applied.empty())
        runs = tr("It has not reported applying a pipeline yet.");
    else if (applied == current)
        runs = tr("It runs the current pipeline.");
    else
        runs = tr("It runs an older pipeline than the current one.");
    QStringList lines;
    const QString who = QString::fromStdString(lw::tolerant::string(c, "name").empty() ? lw::tolerant::string(c, "id") : lw::tolerant::string(c, "name") + " (" + lw::tolerant::string(c, "id") + ")");
    lines << tr("%1 — %2").arg(who, runs);
    lines << tr("Served %1 · applied %2 · current %3").arg(shortHash(served), shortHash(applied), shortHash(current));
    // What the agent says about itself (host, OS, version, …): the first 20, by name.
    QStringList attributes;
    for (const auto &[key, value] : lw::tolerant::object(c, "attributes").items()) {
        if (attributes.size() == 20) {
            attributes << QStringLiteral("…");
            break;
        }
        attributes << QString::fromStdString(key) + QLatin1Char('=')
                          + QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump()).left(200);
    }
    if (!attributes.isEmpty())
        lines << tr("Attributes: %1").arg(attributes.join(QStringLiteral(", ")));
    bool problem = false;
    if (const std::string error = lw::tolerant::string(c, "lastError"); !error.empty()) {
        lines << tr("Last error: %1").arg(QString::fromStdString(error));
        problem = true;
    }
    if (const std::string error = lw::tolerant::string(c, "probeError"); !error.empty()) {
        lines << tr("Probe: %1").arg(QString::fromStdString(error));
        problem = true;
    }
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_status->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(lw::JsonTableModel::toneColour(lw::JsonTableModel::Tone::Bad)
                                                                             .value<QColor>()
                                                                             .name())
                                    : QString());
}

void CollectorDetails::showPipeline(const QString &content, const QString &hash)
{
    m_pipeline->setPlainText(content);
    m_pipeline->setToolTip(Qt::convertFromPlainText(
        tr("The pipeline this server serves (hash %1); private keys are redacted.").arg(hash.left(12)), Qt::WhiteSpaceNormal));
}

QString CollectorDetails::text() const
{
    return m_status->text() + QStringLiteral("\n— rendered pipeline —\n") + m_pipeline->toPlainText() + QLatin1Char('\n')
         + m_record->toPlainText();
}

} // namespace lw::ui
