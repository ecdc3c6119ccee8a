//! `candor brand`: the organisation's name, logo, colours and font for a project's documents.

use std::path::PathBuf;
use std::process::ExitCode;

use candor_core::{BrandingChange, ProjectBranding, Severity};

/// Show or change the branding of a project's documents (organisation, logo, colours, font).
///
/// Without options, prints the branding. Colours are checked for contrast (WCAG 2.2): a
/// colour that is too light is replaced by the nearest accessible one in every export, and
/// a warning says which. An empty value ('') clears a setting.
#[derive(clap::Args)]
pub struct BrandArgs {
    pub project: PathBuf,
    /// The organisation's name: shown above the title and in the footer, and the logo's
    /// description.
    #[arg(long, value_name = "NAME")]
    pub organisation: Option<String>,
    /// The main colour (headings, the title rule), as #rrggbb.
    #[arg(long, value_name = "#RRGGBB")]
    pub primary: Option<String>,
    /// The second colour (links, risk cards, icon arrays), as #rrggbb.
    #[arg(long, value_name = "#RRGGBB")]
    pub accent: Option<String>,
    /// The body font, one of those bundled with Candor.
    #[arg(long, value_name = "FONT")]
    pub font: Option<String>,
    /// A PNG, JPEG or WebP logo; it is scaled to at most 600×300 pixels and stored as PNG
    /// without metadata. SVG is not accepted.
    #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
    pub logo: Option<PathBuf>,
    /// Remove the logo.
    #[arg(long)]
    pub no_logo: bool,
}

pub fn brand(args: BrandArgs) -> anyhow::Result<ExitCode> {
    let changing = args.organisation.is_some()
        || args.primary.is_some()
        || args.accent.is_some()
        || args.font.is_some()
        || args.logo.is_some()
        || args.no_logo;
    let branding = if changing {
        let change = BrandingChange {
            organisation: args.organisation,
            primary: args.primary,
            accent: args.accent,
            font: args.font,
            logo: args.logo,
            remove_logo: args.no_logo,
        };
        let branding = candor_core::set_branding(&args.project, &change)?;
        eprintln!("{}: branding saved", args.project.display());
        branding
    } else {
        candor_core::project_branding(&args.project)?
    };
    print(&branding);
    for d in &branding.diagnostics {
        let severity = match d.severity {
            Severity::Error => "error",
            _ => "warning",
        };
        eprintln!("{}: {severity}[{}]: {}", args.project.display(), d.code, d.message);
        for hint in &d.hints {
            eprintln!("  hint: {hint}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print(b: &ProjectBranding) {
    let unset = "(not set)";
    println!("organisation: {}", b.organisation.as_deref().unwrap_or(unset));
    let colour = |chosen: &Option<String>, used: &Option<String>| match (chosen, used) {
        (Some(c), Some(u)) if c != u => format!("{c} (too little contrast; {u} is used)"),
        (Some(c), _) => c.clone(),
        (None, _) => "(not set; Candor's own)".to_owned(),
    };
    println!("primary:      {}", colour(&b.primary, &b.primary_used));
    println!("accent:       {}", colour(&b.accent, &b.accent_used));
    println!("font:         {}", b.font.as_deref().unwrap_or("(not set; inter)"));
    match &b.logo {
        Some(logo) => println!(
            "logo:         {}×{} pixels, {} bytes ({})",
            logo.width, logo.height, logo.bytes, logo.mime
        ),
        None => println!("logo:         {unset}"),
    }
}
