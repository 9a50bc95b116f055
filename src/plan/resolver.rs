//! Turning the files as written ([`raw`]) into the plan: every reference, notation and ID is
//! checked here, and each problem is reported at the value that causes it.

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, SourceFile};
use crate::yaml;

/// Turns raw entries into the domain model, recording every problem found on the way.
pub(super) struct Resolver<'a> {
    diags: &'a mut Vec<Diagnostic>,
    src: &'a SourceFile,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(diags: &'a mut Vec<Diagnostic>, src: &'a SourceFile) -> Self {
        Resolver { diags, src }
    }

    fn pos(&self, t: &raw::Text) -> Position {
        yaml::spanned_position(t, 0)
    }

    fn error(&mut self, code: Code, at: &raw::Text, message: String, hint: &str) {
        let pos = self.pos(at);
        // A quoted value starts at its quote: underline the quotes too.
        let quoted = self
            .src
            .line_text(pos.line)
            .chars()
            .nth(pos.column - 1)
            .is_some_and(|c| c == '"' || c == '\'');
        let width = at.value.chars().count() + if quoted { 2 } else { 0 };
        self.error_at(code, pos, width, message, hint);
    }

    fn error_at(&mut self, code: Code, pos: Position, width: usize, message: String, hint: &str) {
        let d = Diagnostic::error(code, message)
            .spanning(self.src, pos, width)
            .hint(hint);
        self.diags.push(d);
    }

    /// The single value written at `pos`, as it stands in the file (`2.50`, `"4"`).
    fn written_at(&self, pos: Position) -> String {
        let rest: String = self
            .src
            .line_text(pos.line)
            .chars()
            .skip(pos.column - 1)
            .collect();
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let end = rest[1..].find(q).map_or(rest.len(), |i| i + 2);
            return rest[..end].to_string();
        }
        let end = [rest.find([',', '}', ']']), rest.find(" #")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        rest[..end].trim_end().to_string()
    }

    fn bad_tier_value(&mut self, value: &Spanned<raw::ValueEntry>) {
        let pos = yaml::spanned_position(value, 0);
        let (shown, width) = match &value.value {
            raw::ValueEntry::Other(raw::Form::List) => ("a list".to_string(), 1),
            raw::ValueEntry::Other(raw::Form::Keys) => {
                ("a group of `key: value` pairs".to_string(), 1)
            }
            raw::ValueEntry::Other(raw::Form::Empty) => ("an empty value".to_string(), 1),
            _ => {
                let written = self.written_at(pos);
                let width = written.chars().count();
                match written.trim_matches(['"', '\'']) {
                    "" => ("an empty value".to_string(), width),
                    shown => (format!("`{shown}`"), width),
                }
            }
        };
        self.error_at(
            Code::BadTierValue,
            pos,
            width,
            format!(
                "{shown} is not a tier value: write `included`, a whole number like `4`, or a coverage: 24x7, 24x5, business-hours, business-days"
            ),
            "a tier that does not include the feature is left out of its `tiers:`",
        );
    }

    pub(super) fn message(&mut self, t: &raw::Text) -> MessageRef {
        if !is_message_id(&t.value) {
            self.error(
                Code::BadMessageId,
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
                Code::BadId,
                t,
                format!("{what} ID `{}` may only hold a-z, 0-9 and -", t.value),
                "IDs appear in addresses: use lowercase letters, digits and hyphens",
            );
        } else if seen.contains(&t.value) {
            self.error(
                Code::DuplicateId,
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
                Code::UnknownTier,
                t,
                format!("unknown tier `{}`", t.value),
                &format!("use one of the tiers of {TIERS_FILE}: {}", tiers.join(", ")),
            );
        }
        found
    }

    pub(super) fn tiers(&mut self, file: &raw::TiersFile) -> Vec<Tier> {
        // The paid banner spans the paid tiers' columns, so they must come last, together.
        let first_paid = file
            .tiers
            .iter()
            .position(|t| t.paid)
            .unwrap_or(file.tiers.len());
        if let Some(free) = file.tiers[first_paid..].iter().find(|t| !t.paid) {
            self.error(
                Code::PaidTiersOrder,
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

    pub(super) fn groups(
        &mut self,
        file: &raw::ComparisonFile,
        tiers: &[&str],
    ) -> Vec<FeatureGroup> {
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
                raw::ValueEntry::Count(n) => u32::try_from(*n).ok().map(TierValue::Count),
                raw::ValueEntry::Word(w) if w == "included" => Some(TierValue::Included),
                // A count in quotes is still a count.
                raw::ValueEntry::Word(w)
                    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    w.parse().ok().map(TierValue::Count)
                }
                raw::ValueEntry::Word(w) => Coverage::parse(w).map(TierValue::Coverage),
                raw::ValueEntry::Other(_) => None,
            };
            if parsed.is_none() {
                self.bad_tier_value(value);
            }
            values[i] = parsed;
        }
        Feature {
            id: self.id(&f.id, "feature", seen),
            label: self.message(&f.label),
            values,
        }
    }

    pub(super) fn priorities(
        &mut self,
        file: &raw::ResponseTargetsFile,
        tiers: &[&str],
    ) -> Vec<Priority> {
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
                        Code::BadCoverage,
                        &entry.coverage,
                        format!("`{}` is not a coverage window", entry.coverage.value),
                        "write one of 24x7, 24x5, business-hours, business-days",
                    );
                }
                let within = match Duration::parse(&entry.within.value) {
                    Ok(d) => Some(d),
                    Err(why) => {
                        self.error(
                            Code::BadDuration,
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
                    Code::MissingTarget,
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

    pub(super) fn channels(
        &mut self,
        file: &raw::ChannelsFile,
        icons: &BTreeSet<String>,
    ) -> Vec<Channel> {
        let mut seen = Vec::new();
        file.channels
            .iter()
            .map(|c| {
                let icon = c.icon.value.clone();
                if !is_slug(&icon) || !icons.contains(&icon) {
                    self.error(
                        Code::MissingIcon,
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
                Code::BadUrl,
                t,
                format!("`{}` is not an http, https or mailto address", t.value),
                "write a full address such as https://example.com/",
            );
        }
        t.value.clone()
    }

    pub(super) fn resources(
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
                            Code::UnknownLanguage,
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
                    Code::BadTime,
                    t,
                    why,
                    "write a 24-hour time such as 09:00 or 17:30",
                )
            })
            .ok()
    }

    pub(super) fn regions(&mut self, file: &raw::RegionsFile) -> Regions {
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
                    Code::ClosesBeforeOpens,
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
                        Code::UnknownNote,
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
