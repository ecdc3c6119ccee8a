//! Crash safety: the CLI killed with SIGKILL at arbitrary moments during imports and saves
//! never leaves a project that fails to open, fails `PRAGMA integrity_check`, or lacks a
//! version or source that was reported as saved.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Processes that must be killed mid-work, and the most rounds tried to get there.
const KILLS: u32 = 50;
const MAX_ROUNDS: u32 = 400;

fn candor() -> Command {
    Command::new(env!("CARGO_BIN_EXE_candor"))
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Something slow enough to be interrupted: a corpus PDF when the corpus is here, else a
/// large Markdown file written for the test.
fn import_file(dir: &Path) -> PathBuf {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/owasp-llm-ai-security-governance-checklist-v1.1.pdf");
    if corpus.exists() {
        return corpus;
    }
    let big = dir.join("big-card.md");
    let mut text = String::from("# A large model card\n\n");
    for i in 0..4000 {
        text.push_str(&format!("## Section {i}\n\nThe model scored {i}.5% on test {i}.\n\n"));
    }
    std::fs::write(&big, text).unwrap();
    big
}

#[test]
fn sigkill_never_loses_saved_work() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.candor");
    assert!(candor().arg("new").arg(&project).output().unwrap().status.success());
    let doc = dir.path().join("doc.md");
    std::fs::write(&doc, "---\ntitle: Crash test\nlang: en\n---\n\n# Text\n\nVersion text.\n")
        .unwrap();
    let out = candor().args(["doc", "put"]).arg(&project).arg(&doc).output().unwrap();
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let source = import_file(dir.path());

    let mut rng = Rng(0x5EED_CAFE_F00D);
    let mut reported_versions = 1;
    let mut reported_sources = 0;
    let mut killed = 0;
    let mut round = 0;
    while killed < KILLS && round < MAX_ROUNDS {
        round += 1;
        let mut command = candor();
        if round % 2 == 0 {
            // Each import uses a fresh copy so that it is not recognised as already present.
            let copy = dir
                .path()
                .join(format!("source-{round}.{}", source.extension().unwrap().to_string_lossy()));
            let mut bytes = std::fs::read(&source).unwrap();
            if copy.extension().is_some_and(|e| e == "md") {
                bytes.extend_from_slice(format!("\nRound {round}.\n").as_bytes());
            } else {
                bytes.extend_from_slice(format!("\n% round {round}\n").as_bytes());
            }
            std::fs::write(&copy, bytes).unwrap();
            command.arg("import").arg(&project).arg(&copy);
        } else {
            command
                .args(["doc", "put"])
                .arg(&project)
                .arg(&doc)
                .args(["--id", &id, "--note"])
                .arg(format!("round {round}"));
        }
        let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        // Imports take long, saves a few milliseconds: aim inside each.
        let window = if round % 2 == 0 { 400 } else { 100 };
        std::thread::sleep(Duration::from_millis(rng.below(window)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            killed += 1;
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            if round % 2 == 0 {
                reported_sources += 1;
            } else {
                reported_versions += 1;
            }
        }

        // After every round the project opens, is intact and holds what was reported.
        let opened = candor_store::Project::open(&project)
            .unwrap_or_else(|e| panic!("round {round}: the project does not open: {e}"));
        opened.integrity_check().unwrap_or_else(|e| panic!("round {round}: {e}"));
        let versions = opened.versions(&id).unwrap().len();
        assert!(
            versions >= reported_versions,
            "round {round}: {versions} versions, {reported_versions} reported saved"
        );
        let sources = opened.sources().unwrap().len();
        assert!(
            sources >= reported_sources,
            "round {round}: {sources} sources, {reported_sources} reported imported"
        );
    }
    eprintln!(
        "crash test: {round} rounds, {killed} processes killed mid-work, {reported_versions} versions and {reported_sources} sources reported saved, all present"
    );
    assert!(
        killed >= KILLS,
        "only {killed} of {round} rounds were interrupted; the test proves too little"
    );
}
