#include "app/log_bridge.h"

#include "core/common/log.h"

#include <QMetaObject>

#include <mutex>

namespace tb::app {

struct LogBridge::Shared {
    std::mutex mutex;
    LogBridge* target = nullptr;  // cleared (under mutex) when the bridge is destroyed
};

LogBridge::LogBridge(QObject* parent) : QObject(parent), m_shared(std::make_shared<Shared>()) {
    m_shared->target = this;
    // The listener may run on any thread: post the line to this object's thread. Posting happens under
    // the mutex, so the target cannot be destroyed meanwhile; Qt drops events of deleted objects.
    std::shared_ptr<Shared> shared = m_shared;
    m_listenerId = tb::log::addListener([shared](tb::log::Level level, const std::string& line) {
        QString text = QString::fromStdString(line);
        std::lock_guard lock(shared->mutex);
        LogBridge* target = shared->target;
        if (!target) return;
        QMetaObject::invokeMethod(
            target, [target, level, text] { emit target->lineLogged(int(level), text); }, Qt::QueuedConnection);
    });
}

LogBridge::~LogBridge() {
    tb::log::removeListener(m_listenerId);
    std::lock_guard lock(m_shared->mutex);
    m_shared->target = nullptr;
}

}  // namespace tb::app
