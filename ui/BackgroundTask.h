#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace tideline::ui {

// Runs `work` (a copyable callable returning T, touching no QObject) on the global thread pool
// and hands its result to `done` on `context`'s thread. If `context` is destroyed first, the
// result is dropped. QtCore only: QPromise + QFutureWatcher, no Qt Concurrent.
template<typename T, typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    auto promise = std::make_shared<QPromise<T>>();
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         QFuture<T> future = watcher->future();
                         if (future.resultCount() > 0)
                             done(future.takeResult());
                     });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace tideline::ui
