//! A small arena DOM for html5ever: nodes live in one `Vec` and refer to each other by
//! index, so building, walking and dropping a tree never recurses, however deep it is.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, ParseOpts, QualName, parse_document};

/// Elements nest at most this deep; real pages stay far below it.
pub(crate) const MAX_DEPTH: usize = 256;

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// The document node.
pub(crate) const ROOT: NodeId = 0;

#[derive(Debug)]
pub(crate) enum Data {
    Document,
    /// Tag names are lowercase ASCII (html5ever normalises HTML names).
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(String),
    /// Comments, doctypes, processing instructions: never content.
    Other,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub data: Data,
}

/// A parsed HTML document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses a whole document (fragments too: their content lands in `<body>`). Elements
    /// nested deeper than [`MAX_DEPTH`] are flattened first (their tags dropped, their text
    /// kept): html5ever searches its stack of open elements for many tags, which is
    /// quadratic in the depth. Returns whether anything was flattened.
    pub(crate) fn parse(html: &str) -> (Dom, bool) {
        let sink = Sink { nodes: RefCell::new(vec![new_node(Data::Document)]) };
        match flatten(html, MAX_DEPTH) {
            Some(flat) => (parse_document(sink, ParseOpts::default()).one(flat), true),
            None => (parse_document(sink, ParseOpts::default()).one(html), false),
        }
    }

    pub(crate) fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    pub(crate) fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes.get(id).map_or(&[], |n| n.children.as_slice())
    }

    /// The local name of an element ("div"), or `None` for other nodes.
    pub(crate) fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes.get(id)?.data {
            Data::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    pub(crate) fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes.get(id)?.data {
            Data::Element { attrs, .. } => {
                attrs.iter().find(|a| &*a.name.local == attr).map(|a| &*a.value)
            }
            _ => None,
        }
    }

    /// Every node below `id` in document order (not `id` itself), without recursion.
    pub(crate) fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, stack: Vec::new(), pending: Some(id) }
    }

    /// The first element with the given tag name below `id`, in document order.
    pub(crate) fn find(&self, id: NodeId, tag: &str) -> Option<NodeId> {
        self.descendants(id).find(|&n| self.tag(n) == Some(tag))
    }
}

/// Pre-order iterator over a subtree; see [`Dom::descendants`].
pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    stack: Vec<NodeId>,
    /// The node returned last, whose children are pushed on the next call.
    pending: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into the node returned last.
    pub(crate) fn skip_children(&mut self) {
        self.pending = None;
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if let Some(prev) = self.pending.take() {
            self.stack.extend(self.dom.children(prev).iter().rev());
        }
        let id = self.stack.pop()?;
        self.pending = Some(id);
        Some(id)
    }
}

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements a sibling of the same kind closes (`<p>one<p>two`): they cannot nest by
/// themselves, so they are not counted.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rtc", "rp", "colgroup",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// The page with start and end tags deeper than `limit` removed, or `None` when nothing is
/// that deep. A light tag scanner, linear in the input: it counts open elements the way
/// the HTML parser will, closely enough to bound the depth.
fn flatten(html: &str, limit: usize) -> Option<String> {
    let bytes = html.as_bytes();
    // Open elements: (name, dropped).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut kept = 0usize;
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(off) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        let at = i + off;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = at + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name_end = bytes[name_at..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
            .map_or(bytes.len(), |p| name_at + p);
        let name = String::from_utf8_lossy(&bytes[name_at..name_end]).to_ascii_lowercase();
        let end = tag_end(bytes, name_end);
        let self_closed = end >= 2 && bytes.get(end - 2) == Some(&b'/');
        i = end;
        if closing {
            // Close the nearest open element of this name, if it is near the top.
            if let Some(k) = stack.iter().rev().take(64).position(|(n, _)| *n == name) {
                let k = stack.len() - 1 - k;
                for (n, dropped) in stack.drain(k..) {
                    if !dropped {
                        kept -= 1;
                    }
                    if n == "svg" || n == "math" {
                        foreign = foreign.saturating_sub(1);
                    }
                    if dropped && n == name {
                        drop.push((at, end));
                    }
                }
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) && foreign == 0 {
            let close = format!("</{name}");
            i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        let is_foreign = name == "svg" || name == "math";
        if VOID.contains(&name.as_str())
            || SELF_CLOSING.contains(&name.as_str())
            || (self_closed && (foreign > 0 || is_foreign))
        {
            continue;
        }
        if is_foreign {
            foreign += 1;
        }
        let dropped = kept >= limit;
        if dropped {
            drop.push((at, end));
        } else {
            kept += 1;
        }
        stack.push((name, dropped));
    }
    if drop.is_empty() {
        return None;
    }
    drop.sort_unstable();
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in drop {
        if s >= from {
            out.push_str(html.get(from..s).unwrap_or_default());
            from = e;
        }
    }
    out.push_str(html.get(from..).unwrap_or_default());
    Some(out)
}

/// The index after the `>` ending a tag whose name ends at `i` (quotes respected).
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

fn new_node(data: Data) -> Node {
    Node { parent: None, children: Vec::new(), data }
}

/// The html5ever tree sink building a [`Dom`].
struct Sink {
    nodes: RefCell<Vec<Node>>,
}

/// An element name handed to html5ever (a cheap clone of interned atoms).
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(new_node(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: NodeId) {
        let Some(parent) = nodes.get_mut(child).and_then(|n| n.parent.take()) else { return };
        if let Some(p) = nodes.get_mut(parent) {
            p.children.retain(|&c| c != child);
        }
    }

    /// Inserts `child` into `parent` at `index` (or at the end), merging text with a text
    /// neighbour before it.
    fn insert(&self, parent: NodeId, index: Option<usize>, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(p) = nodes.get(parent) else { return };
        let at = index.unwrap_or(p.children.len()).min(p.children.len());
        match child {
            NodeOrText::AppendText(text) => {
                let before = at.checked_sub(1).and_then(|i| p.children.get(i)).copied();
                if let Some(prev) = before
                    && let Some(Node { data: Data::Text(existing), .. }) = nodes.get_mut(prev)
                {
                    existing.push_str(&text);
                    return;
                }
                nodes.push(Node {
                    parent: Some(parent),
                    children: Vec::new(),
                    data: Data::Text(text.to_string()),
                });
                let id = nodes.len() - 1;
                if let Some(p) = nodes.get_mut(parent) {
                    p.children.insert(at, id);
                }
            }
            NodeOrText::AppendNode(id) => {
                Self::detach(&mut nodes, id);
                // Detaching may have shifted the position when the node was a sibling.
                let at = index
                    .map(|_| at)
                    .unwrap_or(usize::MAX)
                    .min(nodes.get(parent).map_or(0, |p| p.children.len()));
                if let Some(n) = nodes.get_mut(id) {
                    n.parent = Some(parent);
                }
                if let Some(p) = nodes.get_mut(parent) {
                    p.children.insert(at, id);
                }
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes.into_inner() }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => Name(name.clone()),
            // html5ever asks only for elements; any other answer is harmless.
            _ => Name(QualName::new(None, Namespace::from(""), LocalName::from(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        self.push(Data::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow().get(*element).is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template content is never read; the element itself serves as its container.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let (parent, index) = {
            let mut nodes = self.nodes.borrow_mut();
            if let NodeOrText::AppendNode(id) = &new_node {
                Self::detach(&mut nodes, *id);
            }
            let Some(parent) = nodes.get(*sibling).and_then(|n| n.parent) else { return };
            let index = nodes
                .get(parent)
                .and_then(|p| p.children.iter().position(|c| c == sibling))
                .unwrap_or(0);
            (parent, index)
        };
        self.insert(parent, Some(index), new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node { data: Data::Element { attrs: existing, .. }, .. }) =
            nodes.get_mut(*target)
        {
            for attr in attrs {
                if !existing.iter().any(|a| a.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let children = nodes.get_mut(*node).map(|n| std::mem::take(&mut n.children));
        for &child in children.iter().flatten() {
            if let Some(c) = nodes.get_mut(child) {
                c.parent = Some(*new_parent);
            }
        }
        if let Some(p) = nodes.get_mut(*new_parent) {
            p.children.extend(children.into_iter().flatten());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(dom: &Dom) -> String {
        dom.descendants(ROOT)
            .filter_map(|n| match &dom.nodes[n].data {
                Data::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn builds_a_tree_with_implied_elements() {
        let (dom, _) =
            Dom::parse("<!doctype html><p>one<p>two <b>bold</b><table><tr><td>cell</table>");
        assert_eq!(text_of(&dom), "onetwo boldcell");
        let body = dom.find(ROOT, "body").expect("body");
        let tags: Vec<_> = dom.children(body).iter().filter_map(|&c| dom.tag(c)).collect();
        assert_eq!(tags, ["p", "p", "table"]);
        assert!(dom.find(ROOT, "tbody").is_some());
    }

    #[test]
    fn misnested_formatting_is_repaired() {
        // The adoption agency algorithm moves nodes around: text must survive, once.
        let (dom, _) = Dom::parse("<b>1<p>2</b>3</p><a href=x>4<div>5</a>6</div>");
        assert_eq!(text_of(&dom), "123456");
        for (id, node) in dom.nodes.iter().enumerate() {
            for &c in &node.children {
                assert_eq!(dom.nodes[c].parent, Some(id));
            }
        }
    }

    #[test]
    fn very_deep_nesting_does_not_recurse() {
        let depth = 100_000;
        let html = format!("{}x{}<p>after</p>", "<div>".repeat(depth), "</div>".repeat(depth));
        let (dom, flattened) = Dom::parse(&html);
        assert!(flattened);
        assert_eq!(text_of(&dom), "xafter");
        let body = dom.find(ROOT, "body").expect("body");
        // The page is still a tree of the first levels, with the text and what follows.
        assert_eq!(dom.children(body).len(), 2);
    }

    #[test]
    fn flattening_drops_only_the_deep_tags() {
        assert_eq!(
            flatten("<div><div><div>x</div></div></div>", 2).as_deref(),
            Some("<div><div>x</div></div>")
        );
        assert_eq!(flatten("<p>a<p>b<li>c<br><img src=x><div>d</div>", 1), None);
        let svg = format!("<svg>{}</svg>", "<path d='x'/>".repeat(500));
        assert_eq!(flatten(&svg, 4), None);
        let script = format!("<script>{}</script>", "<div>".repeat(500));
        assert_eq!(flatten(&script, 4), None);
        assert_eq!(flatten("<!-- <div><div><div> -->", 1), None);
        assert_eq!(flatten("<b title='>'><i>x</i></b>", 1).as_deref(), Some("<b title='>'>x</b>"));
    }
}
