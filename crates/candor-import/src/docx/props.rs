//! Package relationships (which part is which) and document properties (title, author,
//! dates).

use super::xml::{Ev, Xml, attr};
use crate::source::ImportError;

/// One `Relationship` of a `.rels` part.
#[derive(Debug, Clone)]
pub(super) struct Relationship {
    pub kind: String,
    pub target: String,
    pub external: bool,
}

/// The relationships of a `.rels` part.
pub(super) fn relationships(part: &str, text: &str) -> Result<Vec<Relationship>, ImportError> {
    let mut xml = Xml::new(part, text);
    let mut out = Vec::new();
    loop {
        match xml.next()? {
            Ev::Open(o) if o.local == "Relationship" && out.len() < 10_000 => {
                if let (Some(kind), Some(target)) =
                    (attr(&o.element, "Type"), attr(&o.element, "Target"))
                {
                    let external = attr(&o.element, "TargetMode").is_some_and(|m| m == "External");
                    out.push(Relationship { kind, target, external });
                }
            }
            Ev::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The part a relationship of `kind` (the last segment of its type URI, e.g. "styles")
/// points to, as a package path resolved against the `source` part's folder.
pub(super) fn target(rels: &[Relationship], kind: &str, source: &str) -> Option<String> {
    let r = rels.iter().find(|r| !r.external && r.kind.rsplit('/').next() == Some(kind))?;
    Some(resolve(source, &r.target))
}

/// "word/document.xml" + "styles.xml" -> "word/styles.xml"; "/x.xml" is absolute;
/// ".." steps up.
pub(super) fn resolve(source: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        let mut dir: Vec<&str> = source.trim_start_matches('/').split('/').collect();
        dir.pop();
        dir
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The `.rels` part that belongs to a part: "word/document.xml" ->
/// "word/_rels/document.xml.rels".
pub(super) fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Core and extended properties, as written (blank ones left out).
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Properties {
    pub title: Option<String>,
    pub creator: Option<String>,
    pub subject: Option<String>,
    pub description: Option<String>,
    pub keywords: Option<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
    pub language: Option<String>,
    pub version: Option<String>,
    pub company: Option<String>,
}

/// Reads `docProps/core.xml` or `docProps/app.xml` into `props`. Both are flat: the
/// values are the texts of the root's children, known by their local names.
pub(super) fn read_properties(
    part: &str,
    text: &str,
    props: &mut Properties,
) -> Result<(), ImportError> {
    let mut xml = Xml::new(part, text);
    let mut depth = 0usize;
    let mut field: Option<String> = None;
    let mut value = String::new();
    loop {
        match xml.next()? {
            Ev::Open(o) if !o.empty => {
                depth += 1;
                if depth == 2 {
                    field = Some(o.local);
                    value.clear();
                }
            }
            Ev::Close { .. } => {
                if depth == 2
                    && let Some(name) = field.take()
                {
                    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !v.is_empty() {
                        let slot = match name.as_str() {
                            "title" => &mut props.title,
                            "creator" => &mut props.creator,
                            "subject" => &mut props.subject,
                            "description" => &mut props.description,
                            "keywords" => &mut props.keywords,
                            "created" => &mut props.created,
                            "modified" => &mut props.modified,
                            "language" => &mut props.language,
                            "version" => &mut props.version,
                            "Company" => &mut props.company,
                            _ => &mut None,
                        };
                        slot.get_or_insert(v);
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Ev::Text(t) if depth == 2 && value.len() < 100_000 => value.push_str(&t),
            Ev::Eof => return Ok(()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word/document.xml", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word/document.xml", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(rels_of("word/document.xml"), "word/_rels/document.xml.rels");
    }

    #[test]
    fn core_properties_are_read_by_local_name() {
        let core = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\">\
                    <dc:title> Model  card </dc:title><dc:creator></dc:creator>\
                    <dcterms:created>2025-01-02T00:00:00Z</dcterms:created></cp:coreProperties>";
        let mut p = Properties::default();
        read_properties("docProps/core.xml", core, &mut p).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.title.as_deref(), Some("Model card"));
        assert_eq!(p.creator, None);
        assert_eq!(p.created.as_deref(), Some("2025-01-02T00:00:00Z"));
        let app = "<Properties><Company>Example Labs</Company><Words>10</Words></Properties>";
        read_properties("docProps/app.xml", app, &mut p).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.company.as_deref(), Some("Example Labs"));
    }
}
