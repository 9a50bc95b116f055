//! Plan data: the tiers, what each includes, response targets, channels, resources and regions.
//!
//! [`load`] reads the YAML files under `content/` ([`raw`]) and the icon names; [`resolve`],
//! which does no I/O, turns them into the domain model below: references between tiers and
//! features become indices, notations become typed values ([`values`]), and every Fluent
//! message ID keeps where it was written so that later stages can report a missing
//! translation at its source.

pub mod compare;
pub mod raw;
mod resolver;
#[cfg(test)]
mod tests;
pub mod values;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, SourceFile};
use crate::yaml;
use resolver::Resolver;
pub use values::{Coverage, Duration, DurationUnit, TimeOfDay};

/// The data files, in the order they are read.
pub(crate) const TIERS_FILE: &str = "content/tiers.yaml";
pub(crate) const COMPARISON_FILE: &str = "content/comparison.yaml";
pub(crate) const RESPONSE_TARGETS_FILE: &str = "content/response-targets.yaml";
pub(crate) const CHANNELS_FILE: &str = "content/channels.yaml";
pub(crate) const RESOURCES_FILE: &str = "content/resources.yaml";
pub(crate) const REGIONS_FILE: &str = "content/regions.yaml";

/// A Fluent message ID as the data refers to it, with where it was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageRef {
    pub(crate) id: String,
    pub(crate) file: String,
    pub(crate) position: Position,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub(crate) tiers: Vec<Tier>,
    /// The banner over the paid tiers' columns.
    pub(crate) paid_banner: MessageRef,
    pub(crate) groups: Vec<FeatureGroup>,
    pub(crate) priorities: Vec<Priority>,
    pub channels: Vec<Channel>,
    pub resources: Vec<Resource>,
    pub(crate) regions: Regions,
}

#[derive(Debug, Clone)]
pub(crate) struct Tier {
    pub(crate) id: String,
    pub(crate) name: MessageRef,
    pub(crate) summary: MessageRef,
    pub(crate) paid: bool,
    pub(crate) highlights: Vec<Highlight>,
}

#[derive(Debug, Clone)]
pub(crate) struct Highlight {
    pub(crate) title: MessageRef,
    pub(crate) description: MessageRef,
}

#[derive(Debug, Clone)]
pub(crate) struct FeatureGroup {
    pub(crate) id: String,
    pub(crate) label: MessageRef,
    pub(crate) features: Vec<Feature>,
}

#[derive(Debug, Clone)]
pub(crate) struct Feature {
    pub(crate) id: String,
    pub(crate) label: MessageRef,
    /// One entry per tier, in tier order; `None` means not included.
    pub(crate) values: Vec<Option<TierValue>>,
}

/// What a tier gets of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TierValue {
    Included,
    Count(u32),
    Coverage(Coverage),
}

#[derive(Debug, Clone)]
pub(crate) struct Priority {
    pub(crate) id: String,
    pub(crate) label: MessageRef,
    pub(crate) description: MessageRef,
    /// One target per tier, in tier order.
    pub(crate) targets: Vec<ResponseTarget>,
}

/// The initial-response target of one priority in one tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ResponseTarget {
    pub(crate) coverage: Coverage,
    pub(crate) within: Duration,
}

#[derive(Debug, Clone)]
pub struct Channel {
    pub(crate) id: String,
    /// File name (without `.svg`) under `static/icons/`.
    pub icon: String,
    pub(crate) name: MessageRef,
    pub(crate) kind: MessageRef,
    pub(crate) description: MessageRef,
    pub(crate) footnote: Option<MessageRef>,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub(crate) id: String,
    pub(crate) name: MessageRef,
    pub(crate) description: MessageRef,
    pub url: Option<String>,
    /// Per-language addresses that differ from `url`, by language code.
    pub urls: BTreeMap<String, String>,
    /// Indices of the tiers the resource is limited to; empty means every tier.
    pub(crate) tiers: Vec<usize>,
}

impl Resource {
    /// The address for a language: its own if it has one, else the common one.
    pub(crate) fn url_for(&self, code: &str) -> Option<&str> {
        self.urls
            .get(code)
            .or(self.url.as_ref())
            .map(String::as_str)
    }

    /// The address a language shows: [`Self::url_for`], else the first address another
    /// language has, with that language's code (the page it leads to is in that language).
    pub(crate) fn address_for(&self, code: &str) -> Option<(&str, Option<&str>)> {
        if let Some(url) = self.url_for(code) {
            return Some((url, None));
        }
        self.urls
            .iter()
            .next()
            .map(|(other, url)| (url.as_str(), Some(other.as_str())))
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Regions {
    pub(crate) intro: MessageRef,
    pub(crate) global_services: MessageRef,
    pub(crate) regions: Vec<Region>,
    pub(crate) notes: Vec<RegionNote>,
}

#[derive(Debug, Clone)]
pub(crate) struct Region {
    pub(crate) id: String,
    pub(crate) name: MessageRef,
    pub(crate) opens: TimeOfDay,
    pub(crate) closes: TimeOfDay,
    /// Indices into [`Regions::notes`].
    pub(crate) notes: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct RegionNote {
    pub(crate) id: String,
    pub(crate) text: MessageRef,
    /// The number that marks the note where a region refers to it (1, 2, ...), if any does.
    pub(crate) marker: Option<usize>,
}

impl Plan {
    /// Every message ID the data refers to, with where.
    pub fn message_refs(&self) -> Vec<&MessageRef> {
        let mut refs = vec![
            &self.paid_banner,
            &self.regions.intro,
            &self.regions.global_services,
        ];
        for t in &self.tiers {
            refs.extend([&t.name, &t.summary]);
            for h in &t.highlights {
                refs.extend([&h.title, &h.description]);
            }
        }
        for g in &self.groups {
            refs.push(&g.label);
            refs.extend(g.features.iter().map(|f| &f.label));
        }
        for p in &self.priorities {
            refs.extend([&p.label, &p.description]);
        }
        for c in &self.channels {
            refs.extend([&c.name, &c.kind, &c.description]);
            refs.extend(c.footnote.as_ref());
        }
        for r in &self.resources {
            refs.extend([&r.name, &r.description]);
        }
        for r in &self.regions.regions {
            refs.push(&r.name);
        }
        refs.extend(self.regions.notes.iter().map(|n| &n.text));
        refs
    }

    pub(crate) fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }
}

/// What resolving the plan data gave.
#[derive(Debug, Default)]
pub struct Resolved {
    /// The plan, when the data has no error.
    pub plan: Option<Plan>,
    /// Every label (message ID) the data names, also when it has errors elsewhere: labels
    /// that no locale defines are then reported in the same run as the data's own errors.
    pub(crate) labels: Vec<MessageRef>,
}

/// What resolving needs to know about the rest of the site.
pub struct Context<'a> {
    /// The codes of site.yaml's languages, which `urls:` of a resource may name.
    pub language_codes: Vec<&'a str>,
    /// The icons a channel may name: the file names, without `.svg`, under `static/icons/`.
    pub icons: BTreeSet<String>,
}

pub const FILES: [&str; 6] = [
    TIERS_FILE,
    COMPARISON_FILE,
    RESPONSE_TARGETS_FILE,
    CHANNELS_FILE,
    RESOURCES_FILE,
    REGIONS_FILE,
];

/// The plan data files as read, one for each of [`FILES`]; `None` where the file does not
/// exist.
#[derive(Debug, Clone, Default)]
pub struct PlanSources {
    pub tiers: Option<SourceFile>,
    pub comparison: Option<SourceFile>,
    pub response_targets: Option<SourceFile>,
    pub channels: Option<SourceFile>,
    pub resources: Option<SourceFile>,
    pub regions: Option<SourceFile>,
}

impl PlanSources {
    /// Reads the files that exist under `root`, reporting those that cannot be read.
    pub(crate) fn read(root: &Path) -> (PlanSources, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut read = |name: &str| -> Option<SourceFile> {
            let path = root.join(name);
            std::fs::symlink_metadata(&path).ok()?;
            SourceFile::read(root, &path)
                .map_err(|d| diags.push(*d))
                .ok()
        };
        let sources = PlanSources {
            tiers: read(TIERS_FILE),
            comparison: read(COMPARISON_FILE),
            response_targets: read(RESPONSE_TARGETS_FILE),
            channels: read(CHANNELS_FILE),
            resources: read(RESOURCES_FILE),
            regions: read(REGIONS_FILE),
        };
        (sources, diags)
    }

    /// Each file with its name, in the order of [`FILES`].
    fn files(&self) -> [(&'static str, Option<&SourceFile>); 6] {
        [
            (TIERS_FILE, self.tiers.as_ref()),
            (COMPARISON_FILE, self.comparison.as_ref()),
            (RESPONSE_TARGETS_FILE, self.response_targets.as_ref()),
            (CHANNELS_FILE, self.channels.as_ref()),
            (RESOURCES_FILE, self.resources.as_ref()),
            (REGIONS_FILE, self.regions.as_ref()),
        ]
    }
}

/// The names, without `.svg`, of the icons under `root/static/icons/` and of the theme's
/// icons (published too unless the site replaces them).
pub(crate) fn icon_names(root: &Path) -> BTreeSet<String> {
    let theme = crate::theme::THEME_STATIC.iter().filter_map(|(path, _)| {
        let name = path.strip_prefix("static/icons/")?.strip_suffix(".svg")?;
        (!name.contains('/')).then(|| name.to_string())
    });
    let Ok(entries) = std::fs::read_dir(root.join("static/icons")) else {
        return theme.collect();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "svg") && p.is_file())
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .chain(theme)
        .collect()
}

/// Reads the plan data files of the site at `root` and resolves them. Returns the plan only
/// when there was no error.
pub(crate) fn load(root: &Path, language_codes: Vec<&str>) -> (Resolved, Vec<Diagnostic>) {
    let (sources, mut diags) = PlanSources::read(root);
    let ctx = Context {
        language_codes,
        icons: icon_names(root),
    };
    let (plan, resolved) = resolve(&sources, &ctx);
    // A file that exists but cannot be read was reported by the reader: `resolve` only sees
    // that it is not there.
    let unreadable: Vec<Option<String>> = diags.iter().map(|d| d.file.clone()).collect();
    diags.extend(
        resolved
            .into_iter()
            .filter(|d| !(d.code == Code::UnreadableFile && unreadable.contains(&d.file))),
    );
    (plan, diags)
}

/// An error for each plan data file that is missing, where others are there.
fn missing_files(files: &[(&str, Option<&SourceFile>)]) -> Vec<Diagnostic> {
    (files.iter())
        .filter(|(_, source)| source.is_none())
        .map(|(name, _)| {
            // A missing data file is coded as any file named by the site that cannot be read.
            Diagnostic::error(
                Code::UnreadableFile,
                format!(
                    "{name} is missing: a site with plan data needs all of {}",
                    FILES.join(", ")
                ),
            )
            .in_file(name)
            .hint("add the file, or remove every plan data file for a site of documentation only")
        })
        .collect()
}

/// A data file read into its raw form, with the plan's own vocabulary for did-you-means.
fn parse<T: serde::de::DeserializeOwned>(
    src: Option<&SourceFile>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    yaml::parse_with(src?, &raw::VOCABULARY)
        .map_err(|d| diags.push(*d))
        .ok()
}

/// Resolves the plan data files, already read. Returns the plan only when there was no error.
///
/// A site without any of the files is a plain documentation site: no plan, no error. A site
/// with some of them must have all of them.
pub fn resolve(sources: &PlanSources, ctx: &Context<'_>) -> (Resolved, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let files = sources.files();
    if files.iter().all(|(_, s)| s.is_none()) {
        return (Resolved::default(), diags);
    }
    diags.extend(missing_files(&files));
    let tiers_src = sources.tiers.as_ref();
    let comparison_src = sources.comparison.as_ref();
    let targets_src = sources.response_targets.as_ref();
    let channels_src = sources.channels.as_ref();
    let resources_src = sources.resources.as_ref();
    let regions_src = sources.regions.as_ref();
    let tiers: Option<raw::TiersFile> = parse(tiers_src, &mut diags);
    let comparison: Option<raw::ComparisonFile> = parse(comparison_src, &mut diags);
    let targets: Option<raw::ResponseTargetsFile> = parse(targets_src, &mut diags);
    let channels: Option<raw::ChannelsFile> = parse(channels_src, &mut diags);
    let resources: Option<raw::ResourcesFile> = parse(resources_src, &mut diags);
    let regions: Option<raw::RegionsFile> = parse(regions_src, &mut diags);

    // Each file is resolved as far as its own dependencies allow, so that an error in one
    // file does not hide the errors of another: only the tier list is shared.
    let mut tier_list = None;
    let mut paid_banner = None;
    if let (Some(f), Some(src)) = (&tiers, tiers_src) {
        let mut r = Resolver::new(&mut diags, src);
        tier_list = Some(r.tiers(f));
        paid_banner = Some(r.message(&f.paid_banner));
    }
    let tier_ids: Option<Vec<&str>> = tier_list
        .as_ref()
        .map(|list: &Vec<Tier>| list.iter().map(|t| t.id.as_str()).collect());
    let mut groups = None;
    let mut priorities = None;
    let mut resource_list = None;
    let mut channel_list = None;
    let mut region_data = None;
    if let (Some(f), Some(src), Some(ids)) = (&comparison, comparison_src, &tier_ids) {
        groups = Some(Resolver::new(&mut diags, src).groups(f, ids));
    }
    if let (Some(f), Some(src), Some(ids)) = (&targets, targets_src, &tier_ids) {
        priorities = Some(Resolver::new(&mut diags, src).priorities(f, ids));
    }
    if let (Some(f), Some(src), Some(ids)) = (&resources, resources_src, &tier_ids) {
        resource_list = Some(Resolver::new(&mut diags, src).resources(f, ids, &ctx.language_codes));
    }
    if let (Some(f), Some(src)) = (&channels, channels_src) {
        channel_list = Some(Resolver::new(&mut diags, src).channels(f, &ctx.icons));
    }
    if let (Some(f), Some(src)) = (&regions, regions_src) {
        region_data = Some(Resolver::new(&mut diags, src).regions(f));
    }

    let complete = tier_list.is_some()
        && paid_banner.is_some()
        && groups.is_some()
        && priorities.is_some()
        && channel_list.is_some()
        && resource_list.is_some()
        && region_data.is_some();
    let plan = Plan {
        tiers: tier_list.unwrap_or_default(),
        paid_banner: paid_banner.unwrap_or_default(),
        groups: groups.unwrap_or_default(),
        priorities: priorities.unwrap_or_default(),
        channels: channel_list.unwrap_or_default(),
        resources: resource_list.unwrap_or_default(),
        regions: region_data.unwrap_or_default(),
    };
    let labels = labels(&plan);
    let ok = complete && !diags.iter().any(Diagnostic::is_error);
    let resolved = Resolved {
        plan: ok.then_some(plan),
        labels,
    };
    (resolved, diags)
}

/// The labels a plan names, the ones written (a part the data lacks is left empty).
fn labels(plan: &Plan) -> Vec<MessageRef> {
    plan.message_refs()
        .into_iter()
        .filter(|r| !r.id.is_empty())
        .cloned()
        .collect()
}

/// Lowercase ASCII letters, digits and inner hyphens: safe in a URL and a file name.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// The identifier grammar of Fluent messages.
pub(crate) fn is_message_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Addresses a visitor may follow: http, https and mailto; never script or data schemes.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url.contains(char::is_whitespace)
        && !url.contains(['<', '>', '"'])
}
