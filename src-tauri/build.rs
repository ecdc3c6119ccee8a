//! Generates the permissions of Candor's own commands, so capabilities/main.json can grant
//! the window exactly the commands it uses and nothing else.

fn main() {
    // The window's files are embedded at compile time: a new UI build must rebuild the app.
    println!("cargo:rerun-if-changed=../ui/dist");
    let manifest = tauri_build::AppManifest::new().commands(candor_commands::NAMES);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("candor-app: tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}

#[path = "src/command_names.rs"]
mod candor_commands;
