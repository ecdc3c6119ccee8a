//! Typesetting: a companion document becomes a tagged PDF (typst, in-process), a
//! self-contained accessible HTML file, or SVG page previews.
//!
//! This crate owns the typst World and the bundled fonts. It does no file I/O of its own:
//! the caller hands in the document and the image bytes; the template and fonts are
//! compiled in, so the same input always gives byte-identical output.

mod bom_text;
mod branding;
mod changelog_text;
mod glossary_text;
mod html;
mod images;
mod labels;
mod risk_card;
mod risk_text;
mod typst;

pub use bom_text::bom_blocks;
pub use branding::{
    BrandFont, Branding, DARK_BACKDROPS, LIGHT_BACKDROPS, MAX_LOGO_HEIGHT, MAX_LOGO_WIDTH,
    prepare_logo,
};
pub use changelog_text::{ChangelogEntry, changelog_blocks};
pub use glossary_text::glossary_blocks;
pub use html::{HtmlOptions, icon_array_svg, write_html, write_risk_fragment};
pub use images::{
    ImageError, ImageFormat, Images, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, PreparedImage, prepare_image,
};
pub use labels::Labels;
pub use risk_card::{
    CardLabels, CategoryView, Coverage, CoverageItem, EffectIcons, EffectView, IconArrayView,
    KindView, LikelihoodKind, LikelihoodView, MitigationView, RISK_JSON_FORMAT, RangeView,
    ReportDocument, RiskCard, RiskReport, ScaleView, ScaleWord, SeverityView, SourceView, WordView,
    collect_risks, risk_report,
};
pub use risk_text::{NaturalFrequency, natural_frequency};
pub use typst::{
    MemoryWorld, PdfStandard, RenderError, TypstProject, compile, export_pdf, export_svg_pages,
    for_each_image, laid_out_text, typst_project, typst_world,
};
pub use typst::{Preview, PreviewPage, PreviewPages, ReviewSheet, SheetComment, review_sheet_pdf};
