//! CPU time of one thread, from Linux's `/proc/.../schedstat` (nanoseconds on a CPU).
//!
//! Elsewhere, or when `/proc` is not mounted, the figures are simply left out.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where to read one thread's CPU time.
#[derive(Clone, Debug)]
pub(crate) struct ThreadCpu {
    schedstat: PathBuf,
}

impl ThreadCpu {
    /// The thread that calls this.
    pub(crate) fn current() -> Option<ThreadCpu> {
        let task = std::fs::read_link("/proc/thread-self").ok()?;
        ThreadCpu::of_task(&Path::new("/proc").join(task))
    }

    /// The thread at `/proc/PID/task/TID`.
    pub(crate) fn of_task(task: &Path) -> Option<ThreadCpu> {
        let cpu = ThreadCpu {
            schedstat: task.join("schedstat"),
        };
        cpu.read().map(|_| cpu)
    }

    /// CPU time used so far.
    pub(crate) fn read(&self) -> Option<Duration> {
        let text = std::fs::read_to_string(&self.schedstat).ok()?;
        let nanos = text.split_ascii_whitespace().next()?.parse().ok()?;
        Some(Duration::from_nanos(nanos))
    }
}
