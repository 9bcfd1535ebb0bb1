#pragma once
// Driving the console's real windows in tests: waiting for a window, answering message boxes and
// the pipeline preview from inside their event loops, and saving what a dialog looks like.

#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QWidget>

namespace lw::ui {
class MainWindow;
class ResourceTab;
} // namespace lw::ui

namespace lw::test {

// The window's tab `title`, refreshed from the server; the test fails if no refresh comes in 5 s.
lw::ui::ResourceTab *refreshedTab(lw::ui::MainWindow &window, const QString &title);

// The visible top-level widget of type T, waiting up to 5 s for it (nullptr if none came).
template <typename T> T *waitForTopLevel()
{
    for (int waited = 0; waited < 5000; waited += 20) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
                return t;
        }
        QTest::qWait(20);
    }
    return nullptr;
}

// Answers the next modal message box with `button` once it shows (polling from inside its
// event loop, for up to 10 s), keeping its text in `text` when given.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr);
// Applies (or cancels) the next pipeline preview once it shows, keeping its summary and diff.
void answerNextPreview(bool apply, QString *summary = nullptr, QString *diff = nullptr);
// With LW_UI_GRABS=DIR, saves what a widget looks like there as NAME.png (to look at, not to compare).
void grabFor(QWidget *widget, const char *name);
// Chooses `path` in the file dialog that `button` opens.
void chooseFile(class QAbstractButton *button, const QString &path);
// Drops a local file on `target` as a file manager would (drag enter, then drop); whether it was taken.
bool dropFile(QWidget *target, const QString &path);

} // namespace lw::test
