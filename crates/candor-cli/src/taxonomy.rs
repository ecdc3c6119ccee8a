//! `candor taxonomy`: the risk categories and mitigation kinds risk blocks may name.

use std::path::Path;
use std::process::ExitCode;

use candor_model::{LanguageTag, MAX_TAXONOMY_BYTES, Taxonomy, TaxonomyEntry};

use crate::output::{print_json, read_limited, report_saved};

/// Without options, prints the project's own entries; `--set` replaces them; `--list` lists
/// every category and kind (built-in, plus the project's when one is given).
pub fn taxonomy(
    project: Option<&Path>,
    set: Option<&Path>,
    list: bool,
    lang: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    if list {
        return print_list(project, lang, json);
    }
    let Some(project) = project else {
        eprintln!(
            "candor taxonomy: name a project (P.candor), or use --list for the built-in taxonomy"
        );
        return Ok(ExitCode::from(2));
    };
    let Some(file) = set else {
        let text = candor_core::project_taxonomy_text(project)?;
        if text.trim().is_empty() {
            eprintln!(
                "{}: no categories of its own; the built-in taxonomy applies (candor taxonomy --list)",
                project.display()
            );
        } else {
            print!("{text}");
        }
        return Ok(ExitCode::SUCCESS);
    };
    let text = read_limited(file, MAX_TAXONOMY_BYTES as u64, "a taxonomy")?;
    let outcome = candor_core::set_project_taxonomy(project, &text)?;
    Ok(report_saved(project, file, outcome, "risk taxonomy"))
}

fn print_list(project: Option<&Path>, lang: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let taxonomy = match project {
        Some(p) => candor_core::project_taxonomy(p)?,
        None => std::sync::Arc::new(Taxonomy::builtin().clone()),
    };
    let lang = match lang {
        Some(tag) => {
            LanguageTag::parse(tag).map_err(|message| anyhow::anyhow!("--lang {tag}: {message}"))?
        }
        None => LanguageTag::default(),
    };
    if json {
        let entry = |e: &TaxonomyEntry| {
            serde_json::json!({
                "id": e.id,
                "group": e.group.map(|g| g.id()),
                "specified": e.specified(),
                "name": e.name(&lang),
                "about": e.about(&lang),
                "references": e.references,
            })
        };
        print_json(&serde_json::json!({
            "categories": taxonomy.categories().iter().map(entry).collect::<Vec<_>>(),
            "mitigations": taxonomy.mitigations().iter().map(entry).collect::<Vec<_>>(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("Risk categories ({}):", taxonomy.categories().len());
    for c in taxonomy.categories() {
        let group = c.group.map_or("", |g| g.id());
        println!("  {:<26} {:<12} {}", c.id, group, c.name(&lang));
    }
    println!("Kinds of mitigation ({}):", taxonomy.mitigations().len());
    for m in taxonomy.mitigations() {
        println!("  {:<26} {}", m.id, m.name(&lang));
    }
    Ok(ExitCode::SUCCESS)
}
