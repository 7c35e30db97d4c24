// A long-lived thread that runs tasks handed to it, one at a time, for code that must stay on one thread
// (an interpreter, an isolate). Callers block until their task is done.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include <pthread.h>

namespace versus {

class WorkerThread {
public:
    /// Starts the thread with a stack of `stackBytes` (interpreters recurse deeply).
    explicit WorkerThread(std::size_t stackBytes = 64u << 20);
    /// Finishes queued tasks, then joins.
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    /// Runs `task` on the worker thread and waits for it to return. Must not be called from the worker itself.
    void call(const std::function<void()>& task);

private:
    static void* threadMain(void* self);
    void loop();

    pthread_t m_thread{};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
};

}  // namespace versus
