//! Cross-references between the loaded inputs: every message ID used by data, templates and
//! polydocs itself exists; every page's tier and template exists; no two pages share an
//! address; the site has a home page; no message fails whatever it is given.
//!
//! Loading has already checked each file on its own; these checks need several files at once.

use std::collections::BTreeMap;

use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic};
use crate::index::Index;
use crate::index::aliases::Problem;
use crate::l10n::Defect;
use crate::site::Site;

use super::uses::Uses;

pub fn check(site: &Site, index: &Index, uses: &Uses, diags: &mut Vec<Diagnostic>) {
    check_uses(site, uses, diags);
    check_pages(site, index, diags);
    check_messages(site, diags);
}

/// Every required message must resolve in every language, through its fallback chain.
fn check_uses(site: &Site, uses: &Uses, diags: &mut Vec<Diagnostic>) {
    let default = site.config.default_language();
    for (id, places) in &uses.required {
        let missing: Vec<&str> = site
            .config
            .languages
            .iter()
            .enumerate()
            .filter(|(l, _)| site.locales.resolve(*l, id).is_none())
            .map(|(_, lang)| lang.code.as_str())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let where_ = if missing.len() == site.config.languages.len() {
            "no locale defines it".to_string()
        } else {
            format!(
                "missing in {} with nothing to fall back to",
                missing.join(", ")
            )
        };
        for place in places {
            diags.push(
                place
                    .point(
                        site,
                        id,
                        Diagnostic::error(
                            Code::UnknownMessage,
                            format!("message `{id}` is used here but {where_}"),
                        ),
                    )
                    .hint(format!(
                        "add `{id} = ...` to a file in locales/{}/ (or fix the ID)",
                        default.code
                    )),
            );
        }
    }
}

/// Messages that fail whatever a page passes them, reported where they are defined: the
/// translator who wrote the loop sees their own line, not the template that tripped on it.
fn check_messages(site: &Site, diags: &mut Vec<Diagnostic>) {
    for (lang, language) in site.config.languages.iter().enumerate() {
        if language.pseudo {
            continue;
        }
        for (id, definition) in &site.locales.defined[lang] {
            let Some(defect) = site.locales.defect(lang, id) else {
                continue;
            };
            let d = match defect {
                Defect::Cycle => Diagnostic::error(
                    Code::MessageCycle,
                    format!("message `{id}` refers back to itself through its references"),
                )
                .hint(format!("remove the reference that leads back to `{id}`")),
                Defect::TooLarge => Diagnostic::error(
                    Code::MessageTooLarge,
                    format!("message `{id}` expands to more than 100 placeables"),
                )
                .hint("write the text out instead of nesting references to references"),
            };
            let file = site.locales.files[lang]
                .iter()
                .find(|f| f.display == definition.file);
            diags.push(match file {
                Some(file) => d.spanning(&file.source(), definition.position, id.chars().count()),
                None => d.in_file(&definition.file),
            });
        }
    }
}

/// The aliases that cannot be published, each at its place in its page's front matter.
fn check_aliases(site: &Site, index: &Index, diags: &mut Vec<Diagnostic>) {
    let config = &site.config;
    for alias in &index.aliases {
        let Err(problem) = &alias.outcome else {
            continue;
        };
        let page = &site.pages[alias.page];
        let written = &page.front.aliases[alias.at];
        let value = &written.value;
        let (message, hint) = alias_problem(site, problem, value);
        let mut pos = page.position_of(written);
        // A quoted value is pointed at inside its quotes.
        let at = page.source.offset(pos);
        if matches!(page.source.text.as_bytes().get(at), Some(b'"' | b'\''))
            && !value.starts_with(['"', '\''])
        {
            pos = page.source.position(at + 1);
        }
        diags.push(
            Diagnostic::error(Code::BadAlias, message)
                .spanning(&page.source, pos, value.chars().count().max(1))
                .in_language(&config.languages[page.lang].code)
                .about_page(&page.key)
                .hint(hint),
        );
    }
}

/// What is wrong with the alias written `value`, and what to write instead: the finding's
/// message and hint.
fn alias_problem(site: &Site, problem: &Problem, value: &str) -> (String, String) {
    match problem {
        Problem::NotSitePath => (
            format!("the alias `{value}` is not an address of this site"),
            "write the page's old address from the site's root, such as `/en/docs/setup/` (polydocs adds the base path)".to_string(),
        ),
        Problem::Outside => (
            format!("the alias `{value}` leads outside the site"),
            "write the old address from the site's root without `.` or `..`, such as `/en/docs/setup/`".to_string(),
        ),
        Problem::Character(c) => (
            format!("the alias `{value}` holds `{}`, which no address of the site may", c.escape_debug()),
            "write the old address with letters, digits, `-`, `_`, `.` and `/`".to_string(),
        ),
        Problem::Generated(what) => (
            format!("the alias `{value}` is the address of {what}, which the build writes"),
            "remove it: an alias may not replace what the build publishes".to_string(),
        ),
        Problem::Page(lang, key) => {
            let shown = site
                .pages
                .iter()
                .filter(|p| &p.key == key)
                .min_by_key(|p| p.lang != *lang)
                .map_or(key.as_str(), |p| p.source.display.as_str());
            (
                format!("the alias `{value}` is the address of the page {shown}"),
                "remove the alias: a page is published there, and an alias would replace it".to_string(),
            )
        }
        Problem::Taken(other) => (
            format!(
                "the alias `{value}` is already an alias of {}",
                site.pages[*other].source.display
            ),
            "keep the alias on one page only".to_string(),
        ),
        Problem::TooMany(count) => (
            format!(
                "the page has more than {} aliases: this one and the {} after it are left out",
                crate::index::aliases::MAX_PER_PAGE,
                count - 1
            ),
            "keep the addresses that are still linked to; a host's redirect rules suit long lists".to_string(),
        ),
    }
}

/// Pages: their tier and template references, tier pages given twice, the home page, and
/// output collisions.
fn check_pages(site: &Site, index: &Index, diags: &mut Vec<Diagnostic>) {
    check_aliases(site, index, diags);
    // The first page of each tier and language, which a second one is reported against.
    let mut tier_pages: BTreeMap<(usize, &str), &str> = BTreeMap::new();
    for page in &site.pages {
        check_tier(site, page, &mut tier_pages, diags);
        check_template(site, page, diags);
    }
    check_home(site, index, diags);
    check_collisions(site, index, diags);
}

/// A page's tier must be one of the plan's, and have no other page in the page's language:
/// the tier's page is where the plan's pages link to for it.
fn check_tier<'a>(
    site: &Site,
    page: &'a PageSource,
    tier_pages: &mut BTreeMap<(usize, &'a str), &'a str>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(tier) = &page.front.tier else {
        return;
    };
    let pos = page.position_of(tier);
    if site.plan_failed {
        // The tiers are unknown: the plan's own errors say why.
    } else if site.tier_index(&tier.value).is_none() {
        let ids: Vec<&str> = site.tiers().iter().map(|t| t.id.as_str()).collect();
        diags.push(
            Diagnostic::error(Code::UnknownTier, format!("unknown tier `{}`", tier.value))
                .spanning(&page.source, pos, tier.value.chars().count())
                .hint(format!(
                    "use a tier ID of content/tiers.yaml: {}",
                    ids.join(", ")
                )),
        );
    } else if let Some(other) = tier_pages.insert((page.lang, tier.value.as_str()), &page.key) {
        diags.push(
            Diagnostic::error(
                Code::DuplicateTierPage,
                format!("tier `{}` already has a page, {other}", tier.value),
            )
            .spanning(&page.source, pos, tier.value.chars().count())
            .hint("keep one page per tier and language"),
        );
    }
}

/// A page's template must be a file of the templates, the site's or the theme's.
fn check_template(site: &Site, page: &PageSource, diags: &mut Vec<Diagnostic>) {
    if let Some(template) = &page.front.template
        && !site.templates.contains(&template.value)
    {
        diags.push(
            Diagnostic::error(
                Code::UnknownTemplate,
                format!("no template `{}`", template.value),
            )
            .spanning(
                &page.source,
                page.position_of(template),
                template.value.chars().count(),
            )
            .hint("name a file of templates/, such as page.html"),
        );
    }
}

/// The site must have a home page in its default language: every other language falls back
/// to it, and without it the site has no entry point.
fn check_home(site: &Site, index: &Index, diags: &mut Vec<Diagnostic>) {
    if index
        .routes
        .get(crate::content::HOME, site.config.default)
        .is_none()
    {
        diags.push(
            Diagnostic::error(
                Code::MissingHome,
                format!(
                    "content/{}/_index.md is missing",
                    site.config.default_language().code
                ),
            )
            .hint("every site needs a home page in its default language"),
        );
    }
}

/// Two pages published at the same address (`setup.md` and `setup/_index.md`): one would
/// overwrite the other.
fn check_collisions(site: &Site, index: &Index, diags: &mut Vec<Diagnostic>) {
    for (first, second) in index.routes.collisions() {
        // One report per language folder holding the second page, naming the first page's
        // file in the same folder when there is one (else the one the fallback brings in).
        for page in site.pages.iter().filter(|p| p.key == second) {
            let other = site
                .pages
                .iter()
                .filter(|p| p.key == first)
                .min_by_key(|p| p.lang != page.lang)
                .map_or(first, |p| p.source.display.as_str());
            diags.push(
                Diagnostic::error(
                    Code::PageCollision,
                    format!(
                        "{} and {other} would be published at the same address, /{}/{}",
                        page.source.display,
                        site.config.languages[page.lang].prefix,
                        page.url_path()
                    ),
                )
                .in_file(&page.source.display)
                .hint("rename or remove one of the two files"),
            );
        }
    }
}
