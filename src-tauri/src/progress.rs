//! Progress of long work, forwarded to the window over a Tauri channel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use tauri::ipc::Channel;

/// One step of long work: `step` of `total`, described in a few words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProgressEvent {
    pub step: u32,
    pub total: u32,
    pub what: String,
}

/// A [`candor_core::Progress`] sink that sends each step to the window and stops when the
/// window's "Cancel" sets the flag.
pub struct ChannelProgress {
    channel: Channel<ProgressEvent>,
    cancel: Arc<AtomicBool>,
}

impl ChannelProgress {
    pub fn new(channel: Channel<ProgressEvent>, cancel: Arc<AtomicBool>) -> Self {
        cancel.store(false, Ordering::SeqCst);
        Self { channel, cancel }
    }
}

impl candor_core::Progress for ChannelProgress {
    fn step(&mut self, step: u32, total: u32, what: &str) {
        // A closed window cannot be told; the work goes on and its result is stored.
        let _ = self.channel.send(ProgressEvent { step, total, what: what.to_owned() });
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}
