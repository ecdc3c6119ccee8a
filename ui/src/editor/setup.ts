// The CodeMirror configuration of the companion-document editor: Markdown with YAML front
// matter and YAML risk blocks, history, find, problems, and a theme made of the app's CSS
// variables so that it follows the light and dark themes.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, redo } from "@codemirror/commands";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { yamlFrontmatter, yamlLanguage } from "@codemirror/lang-yaml";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting, type Language } from "@codemirror/language";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { search, searchKeymap } from "@codemirror/search";
import { EditorState, RangeSetBuilder, StateField, type Extension } from "@codemirror/state";
import {
  Decoration,
  drawSelection,
  EditorView,
  keymap,
  lineNumbers,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { t } from "../i18n";
import { findFencedBlocks, isRiskBlock, type FencedBlock } from "./riskBlock";

/** The fenced code blocks of the document, kept up to date with every change. */
export const fencedBlocks = StateField.define<FencedBlock[]>({
  create: (state) => findFencedBlocks(state.doc.toString()),
  update: (blocks, tr) => (tr.docChanged ? findFencedBlocks(tr.state.doc.toString()) : blocks),
});

/** YAML inside ```risk (and ```yaml) fences; other fences stay plain text. */
function codeLanguage(info: string): Language | null {
  const word = info.trim().split(/\s+/)[0]?.toLowerCase();
  return word === "risk" || word === "yaml" || word === "yml" ? yamlLanguage : null;
}

const codeLine = Decoration.line({ class: "cm-codeblock" });
const riskLine = Decoration.line({ class: "cm-codeblock cm-riskblock" });

/** Marks the lines of fenced blocks, risk blocks in particular, in the visible part. */
const fenceLines = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
    }
    build(view: EditorView): DecorationSet {
      const builder = new RangeSetBuilder<Decoration>();
      const doc = view.state.doc;
      const blocks = view.state.field(fencedBlocks);
      let last = -1;
      for (const { from, to } of view.visibleRanges) {
        for (const block of blocks) {
          if (block.to < from || block.from > to) continue;
          const deco = isRiskBlock(block) ? riskLine : codeLine;
          let line = doc.lineAt(Math.max(block.from, from));
          for (;;) {
            if (line.from > last) {
              builder.add(line.from, line.from, deco);
              last = line.from;
            }
            if (line.to >= Math.min(block.to, to) || line.number >= doc.lines) break;
            line = doc.line(line.number + 1);
          }
        }
      }
      return builder.finish();
    }
  },
  { decorations: (v) => v.decorations },
);

const highlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: "700", fontSize: "1.3em" },
  { tag: tags.heading2, fontWeight: "700", fontSize: "1.15em" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.link, color: "var(--accent, #1f4e79)", textDecoration: "underline" },
  { tag: tags.url, color: "var(--accent, #1f4e79)" },
  { tag: tags.monospace, fontFamily: "var(--font-mono, ui-monospace, monospace)" },
  { tag: tags.quote, color: "var(--muted, #5a5d66)" },
  {
    tag: [tags.processingInstruction, tags.meta, tags.contentSeparator, tags.separator],
    color: "var(--muted, #5a5d66)",
  },
  { tag: [tags.definition(tags.propertyName), tags.propertyName], color: "var(--accent, #1f4e79)", fontWeight: "600" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--ok, #2a6b3c)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--warning, #8a5300)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--muted, #5a5d66)", fontStyle: "italic" },
  { tag: [tags.keyword, tags.typeName, tags.labelName, tags.attributeValue], color: "var(--accent, #1f4e79)" },
  { tag: tags.invalid, color: "var(--danger, #a4262c)" },
]);

const focusRing = "3px solid var(--focus, var(--accent, #1f4e79))";

const theme = EditorView.theme({
  "&": {
    height: "100%",
    color: "var(--fg, #1c1d21)",
    backgroundColor: "var(--surface, #ffffff)",
    fontSize: "0.95rem",
  },
  // The ring is drawn above the content (an outline would be covered by code-block lines).
  "&.cm-focused": { outline: "none" },
  "&.cm-focused::after": {
    content: '""',
    position: "absolute",
    inset: "0",
    border: focusRing,
    pointerEvents: "none",
    zIndex: "250",
  },
  ".cm-scroller": { fontFamily: "var(--font-ui, system-ui, sans-serif)", lineHeight: "1.6" },
  ".cm-content": { caretColor: "var(--fg, #1c1d21)", padding: "0.6rem 0" },
  ".cm-line": { padding: "0 0.9rem 0 0.6rem" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg, #1c1d21)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "var(--accent-soft, #dde8f3)" },
  ".cm-gutters": {
    backgroundColor: "var(--surface, #ffffff)",
    color: "var(--muted, #5a5d66)",
    borderRight: "1px solid var(--border, #d5d2c8)",
    fontFamily: "var(--font-mono, ui-monospace, monospace)",
    fontSize: "0.8em",
  },
  ".cm-codeblock": {
    fontFamily: "var(--font-mono, ui-monospace, monospace)",
    fontSize: "0.9em",
    backgroundColor: "var(--bg, #f7f6f2)",
  },
  ".cm-riskblock": { boxShadow: "inset 3px 0 0 var(--accent, #1f4e79)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": {
    backgroundColor: "var(--accent-soft, #dde8f3)",
    outline: "1px solid var(--accent, #1f4e79)",
  },
  ".cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket": { outline: "1px solid var(--danger, #a4262c)" },
  ".cm-searchMatch": {
    backgroundColor: "var(--warning-soft, #fdf0d9)",
    outline: "1px solid var(--warning, #8a5300)",
  },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "var(--accent-soft, #dde8f3)" },
  ".cm-panels": {
    backgroundColor: "var(--surface-2, var(--bg, #efede6))",
    color: "var(--fg, #1c1d21)",
    fontFamily: "var(--font-ui, system-ui, sans-serif)",
  },
  ".cm-panels.cm-panels-top": { borderBottom: "1px solid var(--border, #d5d2c8)" },
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--border, #d5d2c8)" },
  ".cm-textfield, .cm-button": {
    font: "inherit",
    fontSize: "0.85rem",
    color: "var(--fg, #1c1d21)",
    backgroundColor: "var(--surface, #ffffff)",
    backgroundImage: "none",
    border: "1px solid var(--border, #d5d2c8)",
    borderRadius: "var(--radius, 6px)",
  },
  ".cm-panel button[name=close]": { color: "var(--fg, #1c1d21)", fontSize: "1.1rem" },
  ".cm-panel input:focus-visible, .cm-panel button:focus-visible, .cm-textfield:focus, .cm-button:focus-visible":
    { outline: focusRing, outlineOffset: "1px" },
  ".cm-tooltip": {
    backgroundColor: "var(--surface, #ffffff)",
    color: "var(--fg, #1c1d21)",
    border: "1px solid var(--border, #d5d2c8)",
    borderRadius: "var(--radius, 6px)",
    fontFamily: "var(--font-ui, system-ui, sans-serif)",
  },
  ".cm-diagnostic": { whiteSpace: "pre-wrap", maxWidth: "32rem" },
  ".cm-diagnosticSource": { color: "var(--muted, #5a5d66)" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--danger, #a4262c)" },
  ".cm-diagnostic-warning": { borderLeftColor: "var(--warning, #8a5300)" },
  ".cm-diagnostic-info, .cm-diagnostic-hint": { borderLeftColor: "var(--accent, #1f4e79)" },
});

/** CodeMirror's own words, through the catalogue. */
function phrases(): Record<string, string> {
  return {
    Find: t("editor.cm.find"),
    Replace: t("editor.cm.replace"),
    next: t("editor.cm.next"),
    previous: t("editor.cm.previous"),
    all: t("editor.cm.all"),
    "match case": t("editor.cm.matchCase"),
    regexp: t("editor.cm.regexp"),
    "by word": t("editor.cm.byWord"),
    replace: t("editor.cm.replaceOne"),
    "replace all": t("editor.cm.replaceAll"),
    close: t("editor.cm.close"),
    "current match": t("editor.cm.currentMatch"),
    "replaced $ matches": t("editor.cm.replacedMatches"),
    "replaced match on line $": t("editor.cm.replacedOnLine"),
    "on line": t("editor.cm.onLine"),
    "Go to line": t("editor.cm.goToLine"),
    go: t("editor.cm.go"),
    Diagnostics: t("editor.cm.diagnostics"),
    "No diagnostics": t("editor.cm.noDiagnostics"),
    "Control character": t("editor.cm.controlCharacter"),
    "Selection deleted": t("editor.cm.selectionDeleted"),
    "folded code": t("editor.cm.foldedCode"),
    unfold: t("editor.cm.unfold"),
    to: t("editor.cm.to"),
  };
}

export interface SetupOptions {
  /** Called after every update (document change, selection, focus …). */
  onUpdate: (update: ViewUpdate) => void;
  /** Attributes of the editable element (aria-label, aria-describedby). */
  contentAttributes: Record<string, string>;
}

/** Every extension of the editor. Tab is left unbound, so it moves the focus on. */
export function editorExtensions(options: SetupOptions): Extension[] {
  return [
    fencedBlocks,
    lineNumbers(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    EditorView.lineWrapping,
    yamlFrontmatter({ content: markdown({ base: markdownLanguage, codeLanguages: codeLanguage }) }),
    syntaxHighlighting(highlight),
    search({ top: true }),
    lintGutter(),
    fenceLines,
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      { key: "Mod-Shift-z", run: redo, preventDefault: true },
      ...lintKeymap,
    ]),
    EditorView.contentAttributes.of(options.contentAttributes),
    EditorState.phrases.of(phrases()),
    theme,
    EditorView.updateListener.of(options.onUpdate),
  ];
}
