//! The plan as one language shows it: every label translated, every value formatted.
//!
//! Built once per language and handed to every template of that language, so templates only
//! lay out words and never format a number, a duration or a time themselves.
//!
//! Every text of the view is HTML, escaped here (templates write it with `| safe`): a label
//! the language lacks, shown in the language it falls back to, carries that language's
//! `lang` (and `dir` when it differs), as [`crate::l10n::html::message_html`] marks it.

use serde::Serialize;

use crate::l10n::html::{self, HtmlArgs};
use crate::l10n::messages::HOURS_RANGE;
use crate::l10n::{FormatError, Locales, messages};
use crate::plan::compare::{self, Change, FeatureAt};
use crate::plan::{Coverage, Duration, MessageRef, Plan, TierValue, TimeOfDay};

#[derive(Debug, Serialize)]
pub struct PlanView {
    pub(crate) tiers: Vec<TierView>,
    pub(crate) paid_banner: String,
    /// How many tiers come before the paid ones, and how many are paid (for the banner's span).
    pub(crate) free_count: usize,
    pub(crate) paid_count: usize,
    pub(crate) groups: Vec<GroupView>,
    pub(crate) priorities: Vec<PriorityView>,
    pub(crate) channels: Vec<ChannelView>,
    pub(crate) resources: Vec<ResourceView>,
    pub(crate) regions: RegionsView,
}

#[derive(Debug, Serialize)]
pub(crate) struct TierView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) summary: String,
    pub(crate) paid: bool,
    pub(crate) highlights: Vec<HighlightView>,
    /// What this tier has that the tier before it has not, or has more of (everything it
    /// has, for the first tier).
    pub(crate) adds: Vec<String>,
    /// What the tier before this one has that this one has not, or has less of.
    pub(crate) drops: Vec<String>,
    /// The previous tier's name, when there is one.
    pub(crate) previous: Option<String>,
    /// Response target text per priority, in priority order.
    pub(crate) targets: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct HighlightView {
    pub(crate) title: String,
    pub(crate) description: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) features: Vec<FeatureView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FeatureView {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) cells: Vec<CellView>,
}

/// One cell of the comparison: what a sighted reader sees and what a screen reader says.
#[derive(Debug, Serialize)]
pub(crate) struct CellView {
    /// `included`, `count`, `coverage` or `none`.
    pub(crate) kind: &'static str,
    pub(crate) text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct PriorityView {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) description: String,
    pub(crate) targets: Vec<TargetView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct TargetView {
    pub(crate) coverage: String,
    pub(crate) duration: String,
    /// Both together, as the locale joins them ("24x7 / 1 hour").
    pub(crate) text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct ChannelView {
    pub(crate) id: String,
    pub(crate) icon: String,
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) description: String,
    pub(crate) footnote: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ResourceView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) url: Option<String>,
    /// When the address leads to a page in another language: that language's tag (for
    /// `hreflang`) and the note saying so ("(in French)", `resource-address-language`).
    pub(crate) url_lang: Option<String>,
    pub(crate) url_note: Option<String>,
    /// Names of the tiers the resource is limited to (empty: every tier).
    pub(crate) tiers: Vec<String>,
    /// The same names as one list, as the language writes lists ("A et B", "A和B").
    pub(crate) tiers_list: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct RegionsView {
    pub(crate) intro: String,
    pub(crate) global_services: String,
    pub(crate) regions: Vec<RegionView>,
    pub(crate) notes: Vec<NoteView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RegionView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) opens: String,
    pub(crate) closes: String,
    /// Opening to closing, as the locale writes a range.
    pub(crate) hours: String,
    /// 24-hour values for a machine-readable `<time datetime>`.
    pub(crate) opens_iso: String,
    pub(crate) closes_iso: String,
    pub(crate) markers: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub(crate) struct NoteView {
    pub(crate) marker: Option<usize>,
    pub(crate) text: String,
}

/// Formats messages for one language, gathering errors instead of stopping at the first.
struct Words<'a> {
    locales: &'a Locales,
    lang: usize,
    times: crate::l10n::time::TimeFormatter<'a>,
    errors: Vec<FormatError>,
}

impl Words<'_> {
    fn keep(&mut self, r: Result<String, FormatError>) -> String {
        r.unwrap_or_else(|e| {
            self.errors.push(e);
            String::new()
        })
    }

    fn msg(&mut self, r: &MessageRef) -> String {
        self.id(&r.id)
    }

    fn id(&mut self, id: &str) -> String {
        let t = html::message_html(self.locales, self.lang, id, None);
        self.keep(t)
    }

    fn args(&mut self, id: &str, args: &HtmlArgs) -> String {
        let t = html::message_html(self.locales, self.lang, id, Some(args));
        self.keep(t)
    }

    fn count(&mut self, id: &str, count: u32) -> String {
        let mut args = HtmlArgs::new();
        args.plain("count", count);
        self.args(id, &args)
    }

    fn coverage(&mut self, c: Coverage, count: u32) -> String {
        self.count(c.message_id(), count)
    }

    fn duration(&mut self, d: Duration) -> String {
        self.count(d.unit.message_id(), d.amount)
    }

    fn time(&mut self, t: TimeOfDay) -> String {
        let r = self.times.format(t).map(|t| crate::escape::html(&t));
        self.keep(r)
    }

    fn value(&mut self, v: Option<TierValue>) -> CellView {
        match v {
            None => CellView {
                kind: "none",
                text: self.id("value-not-included"),
            },
            Some(TierValue::Included) => CellView {
                kind: "included",
                text: self.id("value-included"),
            },
            Some(TierValue::Count(n)) => CellView {
                kind: "count",
                text: n.to_string(),
            },
            Some(TierValue::Coverage(c)) => CellView {
                kind: "coverage",
                text: self.coverage(c, 1),
            },
        }
    }
}

/// Builds the view of the plan in one language.
///
/// A message that cannot be formatted is left empty and its error returned beside the view:
/// a failed build still renders what it can, so that every page's links get checked.
pub fn build(plan: &Plan, locales: &Locales, lang: usize) -> (PlanView, Vec<FormatError>) {
    let mut w = Words {
        locales,
        lang,
        times: locales.time_formatter(lang),
        errors: Vec::new(),
    };
    let priorities = priorities(&mut w, plan);
    let groups = groups(&mut w, plan);
    let names: Vec<String> = plan.tiers.iter().map(|t| w.msg(&t.name)).collect();
    let tiers = tiers(&mut w, plan, &groups, &names, &priorities);
    let channels = channels(&mut w, plan);
    let resources = resources(&mut w, plan, &names);
    let regions = regions(&mut w, plan);
    let paid_banner = w.msg(&plan.paid_banner);
    let paid_count = plan.tiers.iter().filter(|t| t.paid).count();
    let view = PlanView {
        tiers,
        paid_banner,
        free_count: plan.tiers.len() - paid_count,
        paid_count,
        groups,
        priorities,
        channels,
        resources,
        regions,
    };
    (view, w.errors)
}

/// The priorities and, per tier, the initial-response target of each.
fn priorities(w: &mut Words, plan: &Plan) -> Vec<PriorityView> {
    plan.priorities
        .iter()
        .map(|p| PriorityView {
            id: p.id.clone(),
            label: w.msg(&p.label),
            description: w.msg(&p.description),
            targets: p
                .targets
                .iter()
                .map(|t| {
                    let coverage = w.coverage(t.coverage, t.within.amount);
                    let duration = w.duration(t.within);
                    let mut args = HtmlArgs::new();
                    args.html("coverage", coverage.clone());
                    args.html("duration", duration.clone());
                    let text = w.args("response-target", &args);
                    TargetView {
                        coverage,
                        duration,
                        text,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The comparison's groups of features, each feature with its value in every tier.
fn groups(w: &mut Words, plan: &Plan) -> Vec<GroupView> {
    plan.groups
        .iter()
        .map(|g| GroupView {
            id: g.id.clone(),
            label: w.msg(&g.label),
            features: g
                .features
                .iter()
                .map(|f| FeatureView {
                    id: f.id.clone(),
                    label: w.msg(&f.label),
                    cells: f.values.iter().map(|v| w.value(*v)).collect(),
                })
                .collect(),
        })
        .collect()
}

/// The tiers, each with what it adds to and drops from the one before it.
fn tiers(
    w: &mut Words,
    plan: &Plan,
    groups: &[GroupView],
    names: &[String],
    priorities: &[PriorityView],
) -> Vec<TierView> {
    plan.tiers
        .iter()
        .enumerate()
        .map(|(i, t)| TierView {
            id: t.id.clone(),
            name: names[i].clone(),
            summary: w.msg(&t.summary),
            paid: t.paid,
            highlights: t
                .highlights
                .iter()
                .map(|h| HighlightView {
                    title: w.msg(&h.title),
                    description: w.msg(&h.description),
                })
                .collect(),
            adds: tier_additions(w, plan, groups, names, i),
            drops: tier_drops(w, plan, groups, names, i),
            previous: i.checked_sub(1).map(|p| names[p].clone()),
            targets: priorities
                .iter()
                .map(|p| p.targets[i].text.clone())
                .collect(),
        })
        .collect()
}

fn channels(w: &mut Words, plan: &Plan) -> Vec<ChannelView> {
    plan.channels
        .iter()
        .map(|c| ChannelView {
            id: c.id.clone(),
            icon: c.icon.clone(),
            name: w.msg(&c.name),
            kind: w.msg(&c.kind),
            description: w.msg(&c.description),
            footnote: c.footnote.as_ref().map(|f| w.msg(f)),
        })
        .collect()
}

/// The resources, each with its address in the page's language where a source gives one, or
/// in the language it has (said so, with `hreflang`).
fn resources(w: &mut Words, plan: &Plan, names: &[String]) -> Vec<ResourceView> {
    let (locales, lang) = (w.locales, w.lang);
    let code = locales.code(lang);
    plan.resources
        .iter()
        .map(|r| {
            let tiers: Vec<String> = r.tiers.iter().map(|&t| names[t].clone()).collect();
            let address = r.address_for(code);
            let other = address.and_then(|(_, other)| other);
            let url_lang = other.map(|other| {
                locales
                    .language_of(other)
                    .map_or(other, |l| locales.tag(l))
                    .to_string()
            });
            let url_note = other.map(|other| {
                let mut args = HtmlArgs::new();
                args.plain("language", other.to_string());
                w.args(messages::RESOURCE_ADDRESS_LANGUAGE, &args)
            });
            ResourceView {
                id: r.id.clone(),
                name: w.msg(&r.name),
                description: w.msg(&r.description),
                url: address.map(|(url, _)| url.to_string()),
                url_lang,
                url_note,
                tiers_list: locales.list(lang, &tiers),
                tiers,
            }
        })
        .collect()
}

/// The regions with their business hours, and the notes under the hours table.
fn regions(w: &mut Words, plan: &Plan) -> RegionsView {
    RegionsView {
        intro: w.msg(&plan.regions.intro),
        global_services: w.msg(&plan.regions.global_services),
        regions: (plan.regions.regions.iter())
            .map(|r| {
                let opens = w.time(r.opens);
                let closes = w.time(r.closes);
                let hours = hours_range(w, r.opens, r.closes, &opens, &closes);
                RegionView {
                    id: r.id.clone(),
                    name: w.msg(&r.name),
                    opens,
                    closes,
                    hours,
                    opens_iso: r.opens.to_string(),
                    closes_iso: r.closes.to_string(),
                    markers: r
                        .notes
                        .iter()
                        .filter_map(|&n| plan.regions.notes[n].marker)
                        .collect(),
                }
            })
            .collect(),
        notes: (plan.regions.notes.iter())
            .map(|n| NoteView {
                marker: n.marker,
                text: w.msg(&n.text),
            })
            .collect(),
    }
}

/// "opens – closes" (`hours-range`), with the times as the page's language writes them
/// (`opens`, `closes`). A range shown in a fallback language is written in that language
/// whole, its times too: "6:00 AM – 5:30 PM" in an English span, not Arabic times ordered by
/// English text.
fn hours_range(
    w: &mut Words,
    opens_at: TimeOfDay,
    closes_at: TimeOfDay,
    opens: &str,
    closes: &str,
) -> String {
    let (locales, lang) = (w.locales, w.lang);
    let mut args = HtmlArgs::new();
    match locales
        .resolve(lang, HOURS_RANGE)
        .filter(|&from| from != lang)
    {
        Some(from) => {
            let times = locales.time_formatter(from);
            let mut time = |t| w.keep(times.format(t).map(|t| crate::escape::html(&t)));
            args.html("opens", time(opens_at));
            args.html("closes", time(closes_at));
        }
        None => {
            args.html("opens", opens);
            args.html("closes", closes);
        }
    }
    w.args(HOURS_RANGE, &args)
}

/// The features a tier has, or has more of, than the tier before it (see [`compare`]), as
/// list items: the label of an included feature, "label: value" for a count or a coverage
/// (`feature-with-value`: "a: 6", "a : 6", "a：6"), and the two values side by side where
/// both tiers have some of it (`feature-value-compared`: "a: 10 (Business support: 6)").
fn tier_additions(
    w: &mut Words,
    plan: &Plan,
    groups: &[GroupView],
    names: &[String],
    tier: usize,
) -> Vec<String> {
    let Some(previous) = tier.checked_sub(1) else {
        return compare::included(plan, tier)
            .into_iter()
            .map(|(at, value)| difference_item(w, groups, at, value, None))
            .collect();
    };
    let adds = compare::differences(plan, previous, tier).adds;
    difference_items(w, groups, &names[previous], adds)
}

/// What the tier before this one has that this one leaves out or has less of, as list items
/// written like [`tier_additions`]' ("a: 6 (Elite support: 10)" for a smaller count).
fn tier_drops(
    w: &mut Words,
    plan: &Plan,
    groups: &[GroupView],
    names: &[String],
    tier: usize,
) -> Vec<String> {
    let Some(previous) = tier.checked_sub(1) else {
        return Vec::new();
    };
    let drops = compare::differences(plan, previous, tier).drops;
    difference_items(w, groups, &names[previous], drops)
}

/// A list of differences with the tier before (named `previous`) as list items: a feature
/// gained or lost alone, a value that changed beside the other tier's.
fn difference_items(
    w: &mut Words,
    groups: &[GroupView],
    previous: &String,
    differences: Vec<compare::Difference>,
) -> Vec<String> {
    differences
        .into_iter()
        .map(|d| match d.change {
            Change::Gained(v) | Change::Lost(v) => difference_item(w, groups, d.at, v, None),
            Change::Increased { from, to }
            | Change::Decreased { from, to }
            | Change::Changed { from, to } => {
                difference_item(w, groups, d.at, to, Some((from, previous)))
            }
        })
        .collect()
}

/// One item of a tier's list of differences: a feature, what a tier gets of it, and what
/// another tier gets of it when both have some.
fn difference_item(
    w: &mut Words,
    groups: &[GroupView],
    at: FeatureAt,
    value: TierValue,
    other: Option<(TierValue, &String)>,
) -> String {
    let label = groups[at.group].features[at.feature].label.clone();
    let Some((other, other_tier)) = other else {
        if value == TierValue::Included {
            return label;
        }
        let mut args = HtmlArgs::new();
        args.html("feature", label);
        args.html("value", w.value(Some(value)).text);
        return w.args("feature-with-value", &args);
    };
    let mut args = HtmlArgs::new();
    args.html("feature", label);
    args.html("value", w.value(Some(value)).text);
    args.html("other", w.value(Some(other)).text);
    args.html("tier", other_tier.clone());
    w.args(messages::FEATURE_VALUE_COMPARED, &args)
}
