#pragma once

#include "Json.h"

#include <QSyntaxHighlighter>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace lw::ui {

// Alloy configuration syntax: block names, labels and strings, attribute names, numbers and
// booleans, comments (// and /* */, also across lines).
class AlloySyntaxHighlighter : public QSyntaxHighlighter {
public:
    explicit AlloySyntaxHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

// The selected collector: whether it runs the pipeline it was served (served, applied and
// current hash), its last error, and the pipeline itself, highlighted, beside the raw record.
class CollectorDetails : public QWidget {
    Q_OBJECT
public:
    explicit CollectorDetails(QWidget *parent = nullptr);
    void clear(const QString &placeholder = {});
    void showRecord(const Json &collector);
    void showPipeline(const QString &content, const QString &hash);
    QString text() const; // everything shown, as plain text (for tests and copying)
    QPlainTextEdit *pipeline() const { return m_pipeline; }
    QLabel *status() const { return m_status; }

private:
    QLabel *m_status;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_pipeline, *m_record;
};

} // namespace lw::ui
