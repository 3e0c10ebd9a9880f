//! The emulator on a thread of its own, with its own single-threaded tokio runtime.
//!
//! On a small machine the server and the client compete for the same cores. Giving the
//! server one thread keeps its work off the client's runtime, so what differs between the two
//! sides of the benchmark is the client alone.

use databricks_tokens::emulator::{Emulator, FaultPlan, FaultRule};
use databricks_tokens::types::Secret;
use std::error::Error;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::oneshot;

/// What the benchmark needs to know about the running server.
pub(crate) struct ServerThread {
    /// `http://127.0.0.1:PORT`.
    pub(crate) base_url: String,
    /// The user that creates and deletes tokens.
    pub(crate) creator: Secret,
    /// The user whose tokens are listed.
    pub(crate) lister: Secret,
    /// `/proc/PID/task/TID`, for the server thread's CPU time.
    pub(crate) proc_task: Option<PathBuf>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

type Started = Result<(String, Secret, Secret, Option<PathBuf>), String>;

impl ServerThread {
    /// Starts an in-memory emulator on 127.0.0.1 with a free port, answering every request
    /// after `latency` (none when zero), as a server across a network would.
    pub(crate) fn start(latency: Duration) -> Result<ServerThread, Box<dyn Error>> {
        let (started_tx, started_rx) = mpsc::channel::<Started>();
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("emulator".into())
            .spawn(move || serve(&started_tx, stopped, latency))?;

        let (base_url, creator, lister, proc_task) = started_rx.recv()??;
        Ok(ServerThread {
            base_url,
            creator,
            lister,
            proc_task,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for ServerThread {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(started: &mpsc::Sender<Started>, stopped: oneshot::Receiver<()>, latency: Duration) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            let _ = started.send(Err(format!("server runtime: {err}")));
            return;
        }
    };
    runtime.block_on(async move {
        let mut faults = FaultPlan::new();
        if !latency.is_zero() {
            faults = faults.rule(FaultRule::latency(None, latency));
        }
        let running = match Emulator::builder()
            .faults(faults)
            .start("127.0.0.1:0")
            .await
        {
            Ok(running) => running,
            Err(err) => {
                let _ = started.send(Err(format!("emulator: {err}")));
                return;
            }
        };
        let creator = running.default_user_secret().cloned();
        let lister = running.add_user("lister");
        let proc_task = std::fs::read_link("/proc/thread-self")
            .ok()
            .map(|task| PathBuf::from("/proc").join(task));
        let reply = match (creator, lister) {
            (Some(creator), Ok(lister)) => Ok((running.base_url(), creator, lister, proc_task)),
            _ => Err("the emulator has no default user, or refused a second one".to_owned()),
        };
        let _ = started.send(reply);
        let _ = stopped.await;
        running.shutdown().await;
    });
}
