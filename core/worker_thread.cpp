// WorkerThread: a pthread (for its stack size) with a task queue.
#include "worker_thread.h"

#include <stdexcept>

namespace versus {

WorkerThread::WorkerThread(std::size_t stackBytes)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stackBytes);
    const int error = pthread_create(&m_thread, &attr, &WorkerThread::threadMain, this);
    pthread_attr_destroy(&attr);
    if (error != 0)
        throw std::runtime_error("could not start a worker thread");
}

WorkerThread::~WorkerThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wake.notify_all();
    }
    pthread_join(m_thread, nullptr);
}

void* WorkerThread::threadMain(void* self)
{
    static_cast<WorkerThread*>(self)->loop();
    return nullptr;
}

void WorkerThread::loop()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_tasks.empty() || m_stopping; });
            if (m_tasks.empty())
                return;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
}

void WorkerThread::call(const std::function<void()>& task)
{
    std::unique_lock lock(m_mutex);
    bool finished = false;
    m_tasks.push_back([&] {
        task();
        std::lock_guard inner(m_mutex);
        finished = true;
        m_done.notify_all();
    });
    m_wake.notify_all();
    m_done.wait(lock, [&] { return finished; });
}

}  // namespace versus
