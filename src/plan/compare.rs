//! How two tiers differ, feature by feature, read from the comparison data alone.
//!
//! A tier page says what it has over the tier below it and what of that tier it leaves out.
//! Both lists come from here, so that they can never say something the comparison table does
//! not: a higher tier is not assumed to include everything a lower one does (Enterprise support
//! has a named support engineer but no account support lead).

use std::cmp::Ordering;

use super::{Coverage, Plan, TierValue};

/// Where a feature is in [`Plan::groups`]: its group and its place in that group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FeatureAt {
    pub(crate) group: usize,
    pub(crate) feature: usize,
}

/// How one feature differs between a lower and a higher tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Only the higher tier has the feature.
    Gained(TierValue),
    /// Only the lower tier has the feature.
    Lost(TierValue),
    /// Both have it; the higher tier has more of it (a larger count, a wider coverage).
    Increased { from: TierValue, to: TierValue },
    /// Both have it; the higher tier has less of it.
    Decreased { from: TierValue, to: TierValue },
    /// Both have it, with values that do not rank against each other (a count against
    /// `included`): neither more nor less, only different.
    Changed { from: TierValue, to: TierValue },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Difference {
    pub(crate) at: FeatureAt,
    pub(crate) change: Change,
}

/// What the higher of two tiers adds and what it drops, each in comparison-table order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Differences {
    /// [`Change::Gained`], [`Change::Increased`] and [`Change::Changed`].
    pub(crate) adds: Vec<Difference>,
    /// [`Change::Lost`], [`Change::Decreased`] and [`Change::Changed`].
    pub(crate) drops: Vec<Difference>,
}

impl Differences {
    /// The higher tier has everything the lower one has, at least as much of it.
    #[cfg(test)]
    pub(crate) fn is_superset(&self) -> bool {
        self.drops.is_empty()
    }
}

/// How wide a coverage window is: around the clock every day, around the clock on weekdays,
/// business hours, and last business days (a response counted in days may wait a whole day).
fn breadth(c: Coverage) -> u8 {
    match c {
        Coverage::AllWeek => 3,
        Coverage::Weekdays => 2,
        Coverage::BusinessHours => 1,
        Coverage::BusinessDays => 0,
    }
}

/// How `higher` compares with `lower`: `Greater` when it gives more. `None` when the two do
/// not rank (different kinds of value).
fn rank(lower: TierValue, higher: TierValue) -> Option<Ordering> {
    match (lower, higher) {
        (TierValue::Included, TierValue::Included) => Some(Ordering::Equal),
        (TierValue::Count(a), TierValue::Count(b)) => Some(b.cmp(&a)),
        (TierValue::Coverage(a), TierValue::Coverage(b)) => Some(breadth(b).cmp(&breadth(a))),
        _ => None,
    }
}

/// How the tier at index `higher` differs from the tier at index `lower`, feature by feature.
///
/// Tier indices are positions in [`Plan::tiers`]; an index past the end counts as a tier that
/// has nothing. The function does not care which of the two comes first in the plan: asked
/// the other way round, adds and drops swap.
pub(crate) fn differences(plan: &Plan, lower: usize, higher: usize) -> Differences {
    let mut out = Differences::default();
    for (g, group) in plan.groups.iter().enumerate() {
        for (f, feature) in group.features.iter().enumerate() {
            let at = FeatureAt {
                group: g,
                feature: f,
            };
            let from = feature.values.get(lower).copied().flatten();
            let to = feature.values.get(higher).copied().flatten();
            let change = match (from, to) {
                (None, None) => continue,
                (None, Some(to)) => Change::Gained(to),
                (Some(from), None) => Change::Lost(from),
                (Some(from), Some(to)) => match rank(from, to) {
                    Some(Ordering::Equal) => continue,
                    Some(Ordering::Greater) => Change::Increased { from, to },
                    Some(Ordering::Less) => Change::Decreased { from, to },
                    None if from == to => continue,
                    None => Change::Changed { from, to },
                },
            };
            let d = Difference { at, change };
            match change {
                Change::Gained(_) | Change::Increased { .. } => out.adds.push(d),
                Change::Lost(_) | Change::Decreased { .. } => out.drops.push(d),
                Change::Changed { .. } => {
                    out.adds.push(d);
                    out.drops.push(d);
                }
            }
        }
    }
    out
}

/// Every feature a tier has, with what it gets of it, in comparison-table order.
pub(crate) fn included(plan: &Plan, tier: usize) -> Vec<(FeatureAt, TierValue)> {
    let mut out = Vec::new();
    for (g, group) in plan.groups.iter().enumerate() {
        for (f, feature) in group.features.iter().enumerate() {
            if let Some(v) = feature.values.get(tier).copied().flatten() {
                out.push((
                    FeatureAt {
                        group: g,
                        feature: f,
                    },
                    v,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Feature, FeatureGroup, MessageRef, Regions, Tier};
    use crate::source::Position;

    fn msg(id: &str) -> MessageRef {
        MessageRef {
            id: id.to_string(),
            file: "test".to_string(),
            position: Position { line: 1, column: 1 },
        }
    }

    /// A plan with the given tiers and one group of features: `(id, values per tier)`.
    fn plan(tiers: &[&str], features: &[(&str, Vec<Option<TierValue>>)]) -> Plan {
        Plan {
            tiers: tiers
                .iter()
                .map(|id| Tier {
                    id: id.to_string(),
                    name: msg(id),
                    summary: msg(id),
                    paid: false,
                    highlights: Vec::new(),
                })
                .collect(),
            paid_banner: msg("banner"),
            groups: vec![FeatureGroup {
                id: "group".to_string(),
                label: msg("group"),
                features: features
                    .iter()
                    .map(|(id, values)| Feature {
                        id: id.to_string(),
                        label: msg(id),
                        values: values.clone(),
                    })
                    .collect(),
            }],
            priorities: Vec::new(),
            channels: Vec::new(),
            resources: Vec::new(),
            regions: Regions {
                intro: msg("intro"),
                global_services: msg("global"),
                regions: Vec::new(),
                notes: Vec::new(),
            },
        }
    }

    const IN: Option<TierValue> = Some(TierValue::Included);
    fn n(count: u32) -> Option<TierValue> {
        Some(TierValue::Count(count))
    }
    fn cov(c: Coverage) -> Option<TierValue> {
        Some(TierValue::Coverage(c))
    }

    /// The IDs of the features of a list of differences, with their change.
    fn ids(plan: &Plan, list: &[Difference]) -> Vec<(String, Change)> {
        list.iter()
            .map(|d| {
                (
                    plan.groups[d.at.group].features[d.at.feature].id.clone(),
                    d.change,
                )
            })
            .collect()
    }

    /// The shape of the shipped comparison, for the business → enterprise step.
    fn shipped_like() -> Plan {
        plan(
            &["online", "business", "enterprise", "elite"],
            &[
                ("account-support-lead", vec![None, IN, None, None]),
                ("named-support-engineer", vec![None, None, IN, IN]),
                (
                    "online-support",
                    vec![
                        cov(Coverage::BusinessHours),
                        cov(Coverage::BusinessHours),
                        cov(Coverage::Weekdays),
                        cov(Coverage::Weekdays),
                    ],
                ),
                ("p1-support", vec![IN, IN, IN, IN]),
                ("named-support-contacts", vec![n(4), n(6), n(10), n(15)]),
                ("field-service-activities", vec![None, None, n(2), n(4)]),
            ],
        )
    }

    #[test]
    fn a_higher_tier_that_leaves_a_feature_out_says_so() {
        let p = shipped_like();
        let d = differences(&p, 1, 2);
        assert_eq!(
            ids(&p, &d.adds),
            [
                (
                    "named-support-engineer".to_string(),
                    Change::Gained(TierValue::Included)
                ),
                (
                    "online-support".to_string(),
                    Change::Increased {
                        from: TierValue::Coverage(Coverage::BusinessHours),
                        to: TierValue::Coverage(Coverage::Weekdays),
                    }
                ),
                (
                    "named-support-contacts".to_string(),
                    Change::Increased {
                        from: TierValue::Count(6),
                        to: TierValue::Count(10),
                    }
                ),
                (
                    "field-service-activities".to_string(),
                    Change::Gained(TierValue::Count(2))
                ),
            ]
        );
        assert_eq!(
            ids(&p, &d.drops),
            [(
                "account-support-lead".to_string(),
                Change::Lost(TierValue::Included)
            )]
        );
        assert!(!d.is_superset());
    }

    #[test]
    fn a_tier_with_everything_of_the_one_below_drops_nothing() {
        let p = shipped_like();
        let business = differences(&p, 0, 1);
        assert!(business.is_superset(), "{business:?}");
        assert_eq!(
            ids(&p, &business.adds),
            [
                (
                    "account-support-lead".to_string(),
                    Change::Gained(TierValue::Included)
                ),
                (
                    "named-support-contacts".to_string(),
                    Change::Increased {
                        from: TierValue::Count(4),
                        to: TierValue::Count(6),
                    }
                ),
            ],
            "equal values (business hours, P1 support) are no difference"
        );
        let elite = differences(&p, 2, 3);
        assert!(elite.is_superset());
        assert_eq!(elite.adds.len(), 2, "{elite:?}");
    }

    #[test]
    fn asked_the_other_way_round_adds_and_drops_swap() {
        let p = shipped_like();
        for (a, b) in [(0, 1), (1, 2), (2, 3), (0, 3), (1, 3)] {
            let up = differences(&p, a, b);
            let down = differences(&p, b, a);
            assert_eq!(up.adds.len(), down.drops.len(), "{a} → {b}");
            assert_eq!(up.drops.len(), down.adds.len(), "{a} → {b}");
            for (u, d) in up.adds.iter().zip(&down.drops) {
                assert_eq!(u.at, d.at);
                let swapped = match u.change {
                    Change::Gained(v) => Change::Lost(v),
                    Change::Increased { from, to } => Change::Decreased { from: to, to: from },
                    other => other,
                };
                assert_eq!(swapped, d.change);
            }
        }
        assert_eq!(differences(&p, 2, 2), Differences::default());
    }

    #[test]
    fn smaller_counts_and_narrower_coverage_are_drops() {
        let p = plan(
            &["a", "b"],
            &[
                ("contacts", vec![n(10), n(6)]),
                (
                    "coverage",
                    vec![cov(Coverage::AllWeek), cov(Coverage::BusinessHours)],
                ),
                (
                    "days",
                    vec![cov(Coverage::BusinessHours), cov(Coverage::BusinessDays)],
                ),
            ],
        );
        let d = differences(&p, 0, 1);
        assert!(d.adds.is_empty(), "{d:?}");
        assert_eq!(d.drops.len(), 3);
        assert!(
            d.drops
                .iter()
                .all(|x| matches!(x.change, Change::Decreased { .. }))
        );
    }

    #[test]
    fn values_that_do_not_rank_show_in_both_lists() {
        let p = plan(&["a", "b"], &[("reviews", vec![IN, n(2)])]);
        let d = differences(&p, 0, 1);
        let changed = Change::Changed {
            from: TierValue::Included,
            to: TierValue::Count(2),
        };
        assert_eq!(ids(&p, &d.adds), [("reviews".to_string(), changed)]);
        assert_eq!(ids(&p, &d.drops), [("reviews".to_string(), changed)]);
    }

    #[test]
    fn coverage_ranks_from_all_week_to_business_days() {
        let order = [
            Coverage::AllWeek,
            Coverage::Weekdays,
            Coverage::BusinessHours,
            Coverage::BusinessDays,
        ];
        for pair in order.windows(2) {
            assert_eq!(
                rank(TierValue::Coverage(pair[1]), TierValue::Coverage(pair[0])),
                Some(Ordering::Greater),
                "{:?} is wider than {:?}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn a_missing_tier_has_nothing() {
        let p = shipped_like();
        let d = differences(&p, 99, 0);
        assert_eq!(d.adds.len(), included(&p, 0).len());
        assert!(d.drops.is_empty());
    }

    #[test]
    fn included_lists_what_a_tier_has_in_table_order() {
        let p = shipped_like();
        let online: Vec<String> = included(&p, 0)
            .iter()
            .map(|(at, _)| p.groups[at.group].features[at.feature].id.clone())
            .collect();
        assert_eq!(
            online,
            ["online-support", "p1-support", "named-support-contacts"]
        );
        assert_eq!(included(&p, 3).len(), 5);
    }
}
