/// Receives progress of long work (ripgrep's sink shape). The app forwards it to the
/// window, the CLI draws on stderr, tests pass `()`.
pub trait Progress {
    /// `step` of `total` is starting, described in a few words.
    fn step(&mut self, step: u32, total: u32, what: &str);

    /// Whether the caller wants the work stopped; checked between steps.
    fn cancelled(&self) -> bool {
        false
    }
}

impl Progress for () {
    fn step(&mut self, _step: u32, _total: u32, _what: &str) {}
}
