#pragma once

#include "Json.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lw::ui {

// Before a source or target is saved: the pipeline agents receive now against the one they would
// receive (a diff, private keys redacted, as the server's dry run renders them) and how many
// collectors pick it up. Apply goes on with the save; Cancel returns to the editor.
class PipelinePreviewDialog : public QDialog {
    Q_OBJECT
public:
    // `preview`: the answer of POST /api/v2/logs/pipeline/preview.
    PipelinePreviewDialog(const Json &preview, QWidget *parent = nullptr);

    QString summary() const;
    QString diffText() const; // the diff as plain text ("- ", "+ ", "  " lines)
    QPushButton *applyButton() const { return m_apply; }

private:
    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    QPushButton *m_apply;
};

} // namespace lw::ui
