//! What a model is built from, in plain words: the blocks a `candor-bom` block becomes.

use candor_model::{Block, Bom, BomComponent, ComponentKind, Inline, LanguageTag, ListItem, Span};

use crate::labels::Labels;

/// Most parts listed per kind; the rest are counted ("and 12 more").
const MAX_PER_KIND: usize = 12;

/// The paragraph and list that present `bom` (from the source titled `source_title`).
/// The first model component is taken as the model the BOM describes.
pub fn bom_blocks(bom: &Bom, source_title: &str, lang: &LanguageTag, span: Span) -> Vec<Block> {
    let labels = Labels::for_language(lang);
    let subject = bom.components.iter().find(|c| c.kind == ComponentKind::Model);
    let model = subject.map_or_else(|| source_title.to_owned(), named);
    let intro = labels
        .bom_intro
        .replace("{model}", &model)
        .replace("{source}", source_title)
        .replace("{spec}", &bom.spec);
    let parts: Vec<&BomComponent> =
        bom.components.iter().filter(|c| subject.is_none_or(|s| !std::ptr::eq(*c, s))).collect();
    let mut blocks = vec![paragraph(&intro, span)];
    let groups = [
        (ComponentKind::Model, labels.bom_models),
        (ComponentKind::Dataset, labels.bom_datasets),
        (ComponentKind::Library, labels.bom_software),
        (ComponentKind::Application, labels.bom_other),
        (ComponentKind::Other, labels.bom_other),
    ];
    let mut items = Vec::new();
    for (kind, label) in groups {
        let of_kind: Vec<&&BomComponent> = parts.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let mut listed: Vec<String> =
            of_kind.iter().take(MAX_PER_KIND).map(|c| describe(c, bom, labels)).collect();
        if of_kind.len() > MAX_PER_KIND {
            listed
                .push(labels.and_more.replace("{n}", &(of_kind.len() - MAX_PER_KIND).to_string()));
        }
        items.push(ListItem {
            checked: None,
            blocks: vec![Block::Paragraph {
                content: vec![
                    Inline::Strong { content: vec![text(&format!("{label}:"))] },
                    text(&format!(" {}.", listed.join("; "))),
                ],
                span,
            }],
            span,
        });
    }
    if items.is_empty() {
        blocks = vec![paragraph(labels.bom_nothing, span)];
    } else {
        blocks.push(Block::List { start: None, items, span });
    }
    blocks
}

/// "PyTorch 2.1"
fn named(c: &BomComponent) -> String {
    match &c.version {
        Some(v) if !v.is_empty() => format!("{} {v}", c.name),
        _ => c.name.clone(),
    }
}

/// "ImageNet (used for training; licence CC-BY-4.0)"
fn describe(c: &BomComponent, bom: &Bom, labels: &Labels) -> String {
    let mut notes: Vec<String> = Vec::new();
    let related = |name: &str| {
        bom.relationships
            .iter()
            .any(|(_, relation, to)| to == &c.reference && relation.eq_ignore_ascii_case(name))
    };
    if related("trained-on") {
        notes.push(labels.trained_on.to_owned());
    }
    if related("tested-on") {
        notes.push(labels.tested_on.to_owned());
    }
    if c.licences.is_empty() {
        notes.push(labels.licence_not_stated.to_owned());
    } else {
        notes.push(c.licences.join(", "));
    }
    format!("{} ({})", named(c), notes.join("; "))
}

fn text(t: &str) -> Inline {
    Inline::Text { text: t.to_owned(), span: Span::default() }
}

fn paragraph(t: &str, span: Span) -> Block {
    Block::Paragraph { content: vec![text(t)], span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(
        reference: &str,
        kind: ComponentKind,
        name: &str,
        licences: &[&str],
    ) -> BomComponent {
        BomComponent {
            reference: reference.into(),
            kind,
            name: name.into(),
            version: None,
            supplier: None,
            licences: licences.iter().map(|l| (*l).to_owned()).collect(),
            description: None,
        }
    }

    fn flat(blocks: &[Block]) -> String {
        format!("{blocks:?}")
    }

    #[test]
    fn parts_are_listed_by_kind_with_licences_and_roles() {
        let bom = Bom {
            spec: "CycloneDX 1.6".into(),
            components: vec![
                component("m", ComponentKind::Model, "example-1", &["Apache-2.0"]),
                component("b", ComponentKind::Model, "base-7b", &[]),
                component("d", ComponentKind::Dataset, "web-text", &["CC-BY-4.0"]),
                component("l", ComponentKind::Library, "pytorch", &["BSD-3-Clause"]),
            ],
            relationships: vec![("m".into(), "trained-on".into(), "d".into())],
        };
        let blocks = bom_blocks(&bom, "Example BOM", &LanguageTag::default(), Span::default());
        assert_eq!(blocks.len(), 2);
        let text = flat(&blocks);
        assert!(text.contains("example-1 is built from"), "{text}");
        assert!(text.contains("base-7b (licence not stated)"), "{text}");
        assert!(text.contains("web-text (used for training; CC-BY-4.0)"), "{text}");
        assert!(text.contains("pytorch (BSD-3-Clause)"), "{text}");
        assert!(!text.contains("example-1 (Apache"), "the subject is not its own part: {text}");
    }

    #[test]
    fn a_bom_with_only_the_model_says_so() {
        let bom = Bom {
            spec: "SPDX 3.0".into(),
            components: vec![component("m", ComponentKind::Model, "solo", &[])],
            relationships: Vec::new(),
        };
        let blocks = bom_blocks(&bom, "Solo", &LanguageTag::default(), Span::default());
        assert!(flat(&blocks).contains("no parts besides"));
    }

    #[test]
    fn long_lists_are_cut() {
        let components = (0..20)
            .map(|i| component(&i.to_string(), ComponentKind::Library, &format!("lib{i}"), &[]))
            .collect();
        let bom = Bom { spec: "CycloneDX 1.6".into(), components, relationships: Vec::new() };
        let text = flat(&bom_blocks(&bom, "Libs", &LanguageTag::default(), Span::default()));
        assert!(text.contains("and 8 more"), "{text}");
    }
}
