//! Prints a PDF's imported outline: `cargo run -p candor-pdf --example outline -- FILE.pdf [--passages]`.

use candor_model::PassageKind;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: outline FILE.pdf [--passages|--text]");
        std::process::exit(2);
    };
    let mode = args.next().unwrap_or_default();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    if mode == "--text" {
        match candor_pdf::extract_text(&bytes) {
            Ok(text) => print!("{text}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
        return;
    }
    let content = match candor_pdf::import(&bytes) {
        Ok(w) => {
            for d in &w.diagnostics {
                eprintln!("{}: {}", d.code, d.message);
            }
            w.value
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let m = &content.metadata;
    println!(
        "title: {:?}\nprovider: {:?}\ndate: {:?}\npages: {:?}",
        m.title, m.provider, m.date, content.pages
    );
    for (k, v) in &m.extra {
        println!("{k}: {v}");
    }
    println!("sections: {}, passages: {}", content.sections.len(), content.passages.len());
    for (i, s) in content.sections.iter().enumerate() {
        let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
        let number = s.number.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        println!("{indent}{number}{}  [p{}] ({})", s.title, s.page.unwrap_or(0), s.id);
        if mode == "--passages" {
            for p in content.passages.iter().filter(|p| p.section == Some(i)) {
                let kind = match p.kind {
                    PassageKind::ListItem => "•",
                    PassageKind::Footnote => "fn",
                    PassageKind::Caption => "cap",
                    _ => "¶",
                };
                let text: String = p.text.chars().take(110).collect();
                println!("{indent}    {kind} [p{}] {text}", p.page.unwrap_or(0));
            }
        }
    }
}
