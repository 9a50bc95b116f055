//! Plan data: the tiers, what each includes, response targets, channels, resources and regions.
//!
//! [`load`] reads the YAML files under `content/` ([`raw`]) and resolves them into the domain
//! model below: references between tiers and features become indices, notations become typed
//! values ([`values`]), and every Fluent message ID keeps where it was written so that later
//! stages can report a missing translation at its source.

pub mod compare;
pub mod raw;
pub mod values;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::source::{Position, SourceFile};
use crate::yaml;
pub use values::{Coverage, Duration, DurationUnit, TimeOfDay};

/// The data files, in the order they are read.
pub const TIERS_FILE: &str = "content/tiers.yaml";
pub const COMPARISON_FILE: &str = "content/comparison.yaml";
pub const RESPONSE_TARGETS_FILE: &str = "content/response-targets.yaml";
pub const CHANNELS_FILE: &str = "content/channels.yaml";
pub const RESOURCES_FILE: &str = "content/resources.yaml";
pub const REGIONS_FILE: &str = "content/regions.yaml";

/// A Fluent message ID as the data refers to it, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRef {
    pub id: String,
    pub file: String,
    pub position: Position,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub tiers: Vec<Tier>,
    /// The banner over the paid tiers' columns.
    pub paid_banner: MessageRef,
    pub groups: Vec<FeatureGroup>,
    pub priorities: Vec<Priority>,
    pub channels: Vec<Channel>,
    pub resources: Vec<Resource>,
    pub regions: Regions,
}

#[derive(Debug, Clone)]
pub struct Tier {
    pub id: String,
    pub name: MessageRef,
    pub summary: MessageRef,
    pub paid: bool,
    pub highlights: Vec<Highlight>,
}

#[derive(Debug, Clone)]
pub struct Highlight {
    pub title: MessageRef,
    pub description: MessageRef,
}

#[derive(Debug, Clone)]
pub struct FeatureGroup {
    pub id: String,
    pub label: MessageRef,
    pub features: Vec<Feature>,
}

#[derive(Debug, Clone)]
pub struct Feature {
    pub id: String,
    pub label: MessageRef,
    /// One entry per tier, in tier order; `None` means not included.
    pub values: Vec<Option<TierValue>>,
}

/// What a tier gets of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierValue {
    Included,
    Count(u32),
    Coverage(Coverage),
}

#[derive(Debug, Clone)]
pub struct Priority {
    pub id: String,
    pub label: MessageRef,
    pub description: MessageRef,
    /// One target per tier, in tier order.
    pub targets: Vec<ResponseTarget>,
}

/// The initial-response target of one priority in one tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseTarget {
    pub coverage: Coverage,
    pub within: Duration,
}

#[derive(Debug, Clone)]
pub struct Channel {
    pub id: String,
    /// File name (without `.svg`) under `static/icons/`.
    pub icon: String,
    pub name: MessageRef,
    pub kind: MessageRef,
    pub description: MessageRef,
    pub footnote: Option<MessageRef>,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub id: String,
    pub name: MessageRef,
    pub description: MessageRef,
    pub url: Option<String>,
    /// Per-language addresses that differ from `url`, by language code.
    pub urls: BTreeMap<String, String>,
    /// Indices of the tiers the resource is limited to; empty means every tier.
    pub tiers: Vec<usize>,
}

impl Resource {
    /// The address for a language: its own if it has one, else the common one.
    pub fn url_for(&self, code: &str) -> Option<&str> {
        self.urls
            .get(code)
            .or(self.url.as_ref())
            .map(String::as_str)
    }
}

#[derive(Debug, Clone)]
pub struct Regions {
    pub intro: MessageRef,
    pub global_services: MessageRef,
    pub regions: Vec<Region>,
    pub notes: Vec<RegionNote>,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub id: String,
    pub name: MessageRef,
    pub opens: TimeOfDay,
    pub closes: TimeOfDay,
    /// Indices into [`Regions::notes`].
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct RegionNote {
    pub id: String,
    pub text: MessageRef,
    /// The number that marks the note where a region refers to it (1, 2, ...), if any does.
    pub marker: Option<usize>,
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

    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }
}

/// What resolving needs to know about the rest of the site.
pub struct Context<'a> {
    pub root: &'a Path,
    pub language_codes: Vec<&'a str>,
}

pub const FILES: [&str; 6] = [
    TIERS_FILE,
    COMPARISON_FILE,
    RESPONSE_TARGETS_FILE,
    CHANNELS_FILE,
    RESOURCES_FILE,
    REGIONS_FILE,
];

/// Reads and resolves every plan data file. Returns the plan only when there was no error.
///
/// A site without any of the files is a plain documentation site: no plan, no error. A site
/// with some of them must have all of them.
pub fn load(ctx: &Context<'_>) -> (Option<Plan>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if !FILES
        .iter()
        .any(|f| std::fs::symlink_metadata(ctx.root.join(f)).is_ok())
    {
        return (None, diags);
    }
    let mut read = |name: &str| -> Option<SourceFile> {
        match SourceFile::read(ctx.root, &ctx.root.join(name)) {
            Ok(s) => Some(s),
            Err(d) => {
                diags.push(*d);
                None
            }
        }
    };
    let sources = [
        read(TIERS_FILE),
        read(COMPARISON_FILE),
        read(RESPONSE_TARGETS_FILE),
        read(CHANNELS_FILE),
        read(RESOURCES_FILE),
        read(REGIONS_FILE),
    ];
    let [
        tiers_src,
        comparison_src,
        targets_src,
        channels_src,
        resources_src,
        regions_src,
    ] = sources;
    fn parse<T: serde::de::DeserializeOwned>(
        src: &Option<SourceFile>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        let src = src.as_ref()?;
        yaml::parse(src).map_err(|d| diags.push(*d)).ok()
    }
    let tiers: Option<raw::TiersFile> = parse(&tiers_src, &mut diags);
    let comparison: Option<raw::ComparisonFile> = parse(&comparison_src, &mut diags);
    let targets: Option<raw::ResponseTargetsFile> = parse(&targets_src, &mut diags);
    let channels: Option<raw::ChannelsFile> = parse(&channels_src, &mut diags);
    let resources: Option<raw::ResourcesFile> = parse(&resources_src, &mut diags);
    let regions: Option<raw::RegionsFile> = parse(&regions_src, &mut diags);

    // Each file is resolved as far as its own dependencies allow, so that an error in one
    // file does not hide the errors of another: only the tier list is shared.
    let mut tier_list = None;
    let mut paid_banner = None;
    if let (Some(f), Some(src)) = (&tiers, &tiers_src) {
        let mut r = Resolver {
            diags: &mut diags,
            src,
        };
        tier_list = Some(r.tiers(f));
        paid_banner = Some(r.message(&f.paid_banner));
    }
    let tier_ids: Option<Vec<String>> = tier_list
        .as_ref()
        .map(|list: &Vec<Tier>| list.iter().map(|t| t.id.clone()).collect());
    let ids: Option<Vec<&str>> = tier_ids
        .as_ref()
        .map(|v| v.iter().map(String::as_str).collect());
    let mut groups = None;
    let mut priorities = None;
    let mut resource_list = None;
    let mut channel_list = None;
    let mut region_data = None;
    if let (Some(f), Some(src), Some(ids)) = (&comparison, &comparison_src, &ids) {
        groups = Some(
            Resolver {
                diags: &mut diags,
                src,
            }
            .groups(f, ids),
        );
    }
    if let (Some(f), Some(src), Some(ids)) = (&targets, &targets_src, &ids) {
        priorities = Some(
            Resolver {
                diags: &mut diags,
                src,
            }
            .priorities(f, ids),
        );
    }
    if let (Some(f), Some(src), Some(ids)) = (&resources, &resources_src, &ids) {
        resource_list = Some(
            Resolver {
                diags: &mut diags,
                src,
            }
            .resources(f, ids, &ctx.language_codes),
        );
    }
    if let (Some(f), Some(src)) = (&channels, &channels_src) {
        channel_list = Some(
            Resolver {
                diags: &mut diags,
                src,
            }
            .channels(f, ctx.root),
        );
    }
    if let (Some(f), Some(src)) = (&regions, &regions_src) {
        region_data = Some(
            Resolver {
                diags: &mut diags,
                src,
            }
            .regions(f),
        );
    }

    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let (
        Some(tiers),
        Some(paid_banner),
        Some(groups),
        Some(priorities),
        Some(channels),
        Some(resources),
        Some(regions),
    ) = (
        tier_list,
        paid_banner,
        groups,
        priorities,
        channel_list,
        resource_list,
        region_data,
    )
    else {
        return (None, diags);
    };
    let plan = Plan {
        tiers,
        paid_banner,
        groups,
        priorities,
        channels,
        resources,
        regions,
    };
    (Some(plan), diags)
}

/// Turns raw entries into the domain model, recording every problem found on the way.
struct Resolver<'a> {
    diags: &'a mut Vec<Diagnostic>,
    src: &'a SourceFile,
}

impl Resolver<'_> {
    fn pos(&self, t: &raw::Text) -> Position {
        yaml::spanned_position(t, 0)
    }

    fn error(&mut self, code: &'static str, at: &raw::Text, message: String, hint: &str) {
        let pos = self.pos(at);
        // A quoted value starts at its quote: underline the quotes too.
        let quoted = self
            .src
            .line_text(pos.line)
            .chars()
            .nth(pos.column - 1)
            .is_some_and(|c| c == '"' || c == '\'');
        let width = at.value.chars().count() + if quoted { 2 } else { 0 };
        let d = Diagnostic::error(code, message)
            .spanning(self.src, pos, width)
            .hint(hint);
        self.diags.push(d);
    }

    fn message(&mut self, t: &raw::Text) -> MessageRef {
        if !is_message_id(&t.value) {
            self.error(
                "bad-message-id",
                t,
                format!("`{}` is not a Fluent message ID", t.value),
                "a message ID starts with a letter and holds letters, digits, - and _",
            );
        }
        MessageRef {
            id: t.value.clone(),
            file: self.src.display.clone(),
            position: self.pos(t),
        }
    }

    /// Checks an ID's form and that it is unique among `seen`.
    fn id(&mut self, t: &raw::Text, what: &str, seen: &mut Vec<String>) -> String {
        if !is_slug(&t.value) {
            self.error(
                "bad-id",
                t,
                format!("{what} ID `{}` may only hold a-z, 0-9 and -", t.value),
                "IDs appear in addresses: use lowercase letters, digits and hyphens",
            );
        } else if seen.contains(&t.value) {
            self.error(
                "duplicate-id",
                t,
                format!("{what} ID `{}` is used twice", t.value),
                "give each entry its own ID",
            );
        }
        seen.push(t.value.clone());
        t.value.clone()
    }

    fn tier_ref(&mut self, t: &raw::Text, tiers: &[&str]) -> Option<usize> {
        let found = tiers.iter().position(|id| *id == t.value);
        if found.is_none() {
            self.error(
                "unknown-tier",
                t,
                format!("unknown tier `{}`", t.value),
                &format!("use one of the tiers of {TIERS_FILE}: {}", tiers.join(", ")),
            );
        }
        found
    }

    fn tiers(&mut self, file: &raw::TiersFile) -> Vec<Tier> {
        // The paid banner spans the paid tiers' columns, so they must come last, together.
        let first_paid = file
            .tiers
            .iter()
            .position(|t| t.paid)
            .unwrap_or(file.tiers.len());
        if let Some(free) = file.tiers[first_paid..].iter().find(|t| !t.paid) {
            self.error(
                "paid-tiers-order",
                &free.id,
                format!(
                    "tier `{}` is not paid but comes after a paid tier",
                    free.id.value
                ),
                "list the tiers that are not paid first, then the paid ones",
            );
        }
        let mut seen = Vec::new();
        file.tiers
            .iter()
            .map(|t| Tier {
                id: self.id(&t.id, "tier", &mut seen),
                name: self.message(&t.name),
                summary: self.message(&t.summary),
                paid: t.paid,
                highlights: t
                    .highlights
                    .iter()
                    .map(|h| Highlight {
                        title: self.message(&h.title),
                        description: self.message(&h.description),
                    })
                    .collect(),
            })
            .collect()
    }

    fn groups(&mut self, file: &raw::ComparisonFile, tiers: &[&str]) -> Vec<FeatureGroup> {
        let mut group_ids = Vec::new();
        let mut feature_ids = Vec::new();
        file.groups
            .iter()
            .map(|g| FeatureGroup {
                id: self.id(&g.id, "feature group", &mut group_ids),
                label: self.message(&g.label),
                features: g
                    .features
                    .iter()
                    .map(|f| self.feature(f, tiers, &mut feature_ids))
                    .collect(),
            })
            .collect()
    }

    fn feature(
        &mut self,
        f: &raw::FeatureEntry,
        tiers: &[&str],
        seen: &mut Vec<String>,
    ) -> Feature {
        let mut values = vec![None; tiers.len()];
        for (tier, value) in &f.tiers.0 {
            let Some(i) = self.tier_ref(tier, tiers) else {
                continue;
            };
            let parsed = match &value.value {
                raw::ValueEntry::Count(n) => Some(TierValue::Count(*n)),
                raw::ValueEntry::Word(w) if w == "included" => Some(TierValue::Included),
                raw::ValueEntry::Word(w) => Coverage::parse(w).map(TierValue::Coverage),
            };
            if parsed.is_none() {
                let word = match &value.value {
                    raw::ValueEntry::Word(w) => w.clone(),
                    raw::ValueEntry::Count(n) => n.to_string(),
                };
                let at = raw::Text {
                    value: word.clone(),
                    referenced: value.referenced,
                    defined: value.defined,
                };
                self.error(
                    "bad-tier-value",
                    &at,
                    format!("`{word}` is not a value a tier can have"),
                    "write `included`, a whole number, or a coverage: 24x7, 24x5, business-hours, business-days",
                );
            }
            values[i] = parsed;
        }
        Feature {
            id: self.id(&f.id, "feature", seen),
            label: self.message(&f.label),
            values,
        }
    }

    fn priorities(&mut self, file: &raw::ResponseTargetsFile, tiers: &[&str]) -> Vec<Priority> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for p in &file.priorities {
            let mut targets: Vec<Option<ResponseTarget>> = vec![None; tiers.len()];
            let mut listed = vec![false; tiers.len()];
            for (tier, entry) in &p.targets.0 {
                let Some(i) = self.tier_ref(tier, tiers) else {
                    continue;
                };
                listed[i] = true;
                let coverage = Coverage::parse(&entry.coverage.value);
                if coverage.is_none() {
                    self.error(
                        "bad-coverage",
                        &entry.coverage,
                        format!("`{}` is not a coverage window", entry.coverage.value),
                        "write one of 24x7, 24x5, business-hours, business-days",
                    );
                }
                let within = match Duration::parse(&entry.within.value) {
                    Ok(d) => Some(d),
                    Err(why) => {
                        self.error(
                            "bad-duration",
                            &entry.within,
                            why,
                            "write a whole number and a unit: `15 min`, `4 h`, `3 days`",
                        );
                        None
                    }
                };
                if let (Some(coverage), Some(within)) = (coverage, within) {
                    targets[i] = Some(ResponseTarget { coverage, within });
                }
            }
            let id = self.id(&p.id, "priority", &mut seen);
            // Tiers whose target is written but wrong are reported above, not again here.
            let missing: Vec<&str> = listed
                .iter()
                .zip(tiers)
                .filter(|(l, _)| !**l)
                .map(|(_, id)| *id)
                .collect();
            if !missing.is_empty() {
                self.error(
                    "missing-target",
                    &p.id,
                    format!("priority `{id}` has no target for {}", missing.join(", ")),
                    "give every tier a coverage and a response time under `targets:`",
                );
            }
            out.push(Priority {
                id,
                label: self.message(&p.label),
                description: self.message(&p.description),
                targets: targets.into_iter().flatten().collect(),
            });
        }
        out
    }

    fn channels(&mut self, file: &raw::ChannelsFile, root: &Path) -> Vec<Channel> {
        let mut seen = Vec::new();
        file.channels
            .iter()
            .map(|c| {
                let icon = c.icon.value.clone();
                if !is_slug(&icon)
                    || !root
                        .join("static/icons")
                        .join(format!("{icon}.svg"))
                        .is_file()
                {
                    self.error(
                        "missing-icon",
                        &c.icon,
                        format!("no icon static/icons/{icon}.svg"),
                        "add the SVG file or name one that exists in static/icons/",
                    );
                }
                Channel {
                    id: self.id(&c.id, "channel", &mut seen),
                    icon,
                    name: self.message(&c.name),
                    kind: self.message(&c.kind),
                    description: self.message(&c.description),
                    footnote: c.footnote.as_ref().map(|f| self.message(f)),
                }
            })
            .collect()
    }

    fn url(&mut self, t: &raw::Text) -> String {
        if !is_safe_url(&t.value) {
            self.error(
                "bad-url",
                t,
                format!("`{}` is not an http, https or mailto address", t.value),
                "write a full address such as https://example.com/",
            );
        }
        t.value.clone()
    }

    fn resources(
        &mut self,
        file: &raw::ResourcesFile,
        tiers: &[&str],
        languages: &[&str],
    ) -> Vec<Resource> {
        let mut seen = Vec::new();
        file.resources
            .iter()
            .map(|r| {
                let mut urls = BTreeMap::new();
                for (code, url) in &r.urls.0 {
                    if !languages.contains(&code.value.as_str()) {
                        self.error(
                            "unknown-language",
                            code,
                            format!("unknown language `{}`", code.value),
                            &format!("use a language code of site.yaml: {}", languages.join(", ")),
                        );
                    }
                    urls.insert(code.value.clone(), self.url(url));
                }
                Resource {
                    id: self.id(&r.id, "resource", &mut seen),
                    name: self.message(&r.name),
                    description: self.message(&r.description),
                    url: r.url.as_ref().map(|u| self.url(u)),
                    urls,
                    tiers: r
                        .tiers
                        .iter()
                        .filter_map(|t| self.tier_ref(t, tiers))
                        .collect(),
                }
            })
            .collect()
    }

    fn time(&mut self, t: &raw::Text) -> Option<TimeOfDay> {
        TimeOfDay::parse(&t.value)
            .map_err(|why| {
                self.error(
                    "bad-time",
                    t,
                    why,
                    "write a 24-hour time such as 09:00 or 17:30",
                )
            })
            .ok()
    }

    fn regions(&mut self, file: &raw::RegionsFile) -> Regions {
        let mut note_ids = Vec::new();
        let mut notes: Vec<RegionNote> = file
            .notes
            .iter()
            .map(|n| RegionNote {
                id: self.id(&n.id, "note", &mut note_ids),
                text: self.message(&n.text),
                marker: None,
            })
            .collect();
        let mut seen = Vec::new();
        let mut next_marker = 1;
        let mut regions = Vec::new();
        for r in &file.regions {
            let opens = self.time(&r.opens);
            let closes = self.time(&r.closes);
            if let (Some(o), Some(c)) = (opens, closes)
                && c <= o
            {
                self.error(
                    "closes-before-opens",
                    &r.closes,
                    format!(
                        "region `{}` closes at {c}, not after it opens at {o}",
                        r.id.value
                    ),
                    "the closing time must be later than the opening time on the same day",
                );
            }
            let mut refs = Vec::new();
            for n in &r.notes {
                match notes.iter().position(|note| note.id == n.value) {
                    Some(i) => {
                        if notes[i].marker.is_none() {
                            notes[i].marker = Some(next_marker);
                            next_marker += 1;
                        }
                        refs.push(i);
                    }
                    None => self.error(
                        "unknown-note",
                        n,
                        format!("unknown note `{}`", n.value),
                        "name a note listed under `notes:` in this file",
                    ),
                }
            }
            regions.push(Region {
                id: self.id(&r.id, "region", &mut seen),
                name: self.message(&r.name),
                opens: opens.unwrap_or(TimeOfDay { hour: 0, minute: 0 }),
                closes: closes.unwrap_or(TimeOfDay { hour: 0, minute: 0 }),
                notes: refs,
            });
        }
        // Marked notes first, in marker order, then the others as written.
        notes.sort_by_key(|n| n.marker.unwrap_or(usize::MAX));
        for region in &mut regions {
            let ids: Vec<String> = region
                .notes
                .iter()
                .map(|&i| file.notes[i].id.value.clone())
                .collect();
            region.notes = ids
                .iter()
                .filter_map(|id| notes.iter().position(|n| &n.id == id))
                .collect();
        }
        Regions {
            intro: self.message(&file.intro),
            global_services: self.message(&file.global_services),
            regions,
            notes,
        }
    }
}

/// Lowercase ASCII letters, digits and inner hyphens: safe in a URL and a file name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// The identifier grammar of Fluent messages.
pub fn is_message_id(s: &str) -> bool {
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
