#pragma once

// Helpers of the UI tests: driving modal dialogs, a settings file per test function.
// Header-only: the widgets and ui/Settings.h come with tideline_ui, which the UI tests link and
// tideline_testsupport does not.
#include "Settings.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>

namespace tideline::test {

// Runs `interact` on the first modal dialog of type T once it is on screen, or gives up after
// `timeoutMs` (five seconds by default). exec() blocks the test, so this is scheduled before the action that opens it. The poller is a child of `context`: a test's cleanup() deletes one that found
// nothing, as it captures the test's locals.
template<typename T>
void whenModalOpens(QObject *context, std::function<void(T *)> interact, int timeoutMs = 5000)
{
    auto *poll = new QTimer(context);
    poll->setInterval(20);
    auto deadline = std::make_shared<QElapsedTimer>();
    deadline->start();
    QObject::connect(poll, &QTimer::timeout, context, [poll, deadline, interact, timeoutMs] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog && deadline->elapsed() < timeoutMs)
            return;
        poll->stop();
        poll->deleteLater();
        if (dialog)
            interact(dialog);
    });
    poll->start();
}

// Chooses `path` in the file dialog the next action opens; sets *seen when the dialog came up.
inline void chooseInFileDialog(QObject *context, const QString &path, bool *seen)
{
    whenModalOpens<QFileDialog>(context, [path, seen](QFileDialog *dialog) {
        *seen = true;
        // Typed as a user would: selectFile() depends on the dialog's model having loaded.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        if (name)
            name->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
        if (dialog->isVisible())
            dialog->reject(); // do not hang the test
    });
}

// Points the application's settings at a new, empty file in `dir`: called from init(), so no
// test function sees another's settings.
inline void useFreshSettings(const QTemporaryDir &dir)
{
    static int serial = 0;
    tideline::settings::useIniFile(dir.filePath(QStringLiteral("settings-%1.ini").arg(++serial)));
}

} // namespace tideline::test
