//! The plan data files as written: what serde reads, before any cross-checking.
//!
//! Every field that names something (a tier, a Fluent message, a time) is `Spanned`, so the
//! validation that follows can point at the exact line and column of a wrong reference.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::yaml::{self, Vocabulary};

pub use crate::yaml::{OrderedMap, Text};

/// What the plan files call their entries, by the key of the list (or mapping) that holds them.
pub const VOCABULARY: Vocabulary = Vocabulary {
    whole: "this file",
    entries: &[
        ("tiers", "tier"),
        ("highlights", "highlight"),
        ("groups", "feature group"),
        ("features", "feature"),
        ("priorities", "priority"),
        ("targets", "response target"),
        ("channels", "channel"),
        ("resources", "resource"),
        ("regions", "region"),
        ("notes", "note"),
    ],
    unlisted: &[],
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TiersFile {
    pub(crate) paid_banner: Text,
    #[serde(deserialize_with = "tier_entries")]
    pub(crate) tiers: Vec<TierEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct TierEntry {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) summary: Text,
    #[serde(default)]
    pub(crate) paid: bool,
    #[serde(default, deserialize_with = "highlight_entries")]
    pub(crate) highlights: Vec<HighlightEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HighlightEntry {
    pub(crate) title: Text,
    pub(crate) description: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonFile {
    #[serde(deserialize_with = "group_entries")]
    pub(crate) groups: Vec<GroupEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupEntry {
    pub(crate) id: Text,
    pub(crate) label: Text,
    #[serde(deserialize_with = "feature_entries")]
    pub(crate) features: Vec<FeatureEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeatureEntry {
    pub(crate) id: Text,
    pub(crate) label: Text,
    #[serde(default, deserialize_with = "tier_values")]
    pub(crate) tiers: OrderedMap<Spanned<ValueEntry>>,
}

/// What a tier gets of a feature, as written. Any value is read, so that a wrong one (`2.5`,
/// `-3`, `true`, a list) is reported by the resolver as a tier value, at its place, rather
/// than by the YAML reader in its own terms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ValueEntry {
    /// A whole number written as a number.
    Count(u64),
    /// Text: `included`, a coverage keyword, or anything else.
    Word(String),
    /// A value no tier can have, by its form.
    Other(Form),
}

/// The form of a value that is not a word or a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A number that is not whole or not positive, or `true` / `false`: shown as written.
    Scalar,
    List,
    Keys,
    Empty,
}

impl<'de> Deserialize<'de> for ValueEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = ValueEntry;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a tier value")
            }
            fn visit_u64<E>(self, v: u64) -> Result<ValueEntry, E> {
                Ok(ValueEntry::Count(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<ValueEntry, E> {
                Ok(u64::try_from(v).map_or(ValueEntry::Other(Form::Scalar), ValueEntry::Count))
            }
            fn visit_f64<E>(self, _: f64) -> Result<ValueEntry, E> {
                Ok(ValueEntry::Other(Form::Scalar))
            }
            fn visit_bool<E>(self, _: bool) -> Result<ValueEntry, E> {
                Ok(ValueEntry::Other(Form::Scalar))
            }
            fn visit_str<E>(self, v: &str) -> Result<ValueEntry, E> {
                Ok(ValueEntry::Word(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<ValueEntry, E> {
                Ok(ValueEntry::Other(Form::Empty))
            }
            fn visit_none<E>(self) -> Result<ValueEntry, E> {
                Ok(ValueEntry::Other(Form::Empty))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ValueEntry, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(ValueEntry::Other(Form::List))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ValueEntry, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(ValueEntry::Other(Form::Keys))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseTargetsFile {
    #[serde(deserialize_with = "priority_entries")]
    pub(crate) priorities: Vec<PriorityEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PriorityEntry {
    pub(crate) id: Text,
    pub(crate) label: Text,
    pub(crate) description: Text,
    #[serde(deserialize_with = "target_entries")]
    pub(crate) targets: OrderedMap<TargetEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TargetEntry {
    pub(crate) coverage: Text,
    pub(crate) within: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelsFile {
    #[serde(deserialize_with = "channel_entries")]
    pub(crate) channels: Vec<ChannelEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChannelEntry {
    pub(crate) id: Text,
    pub(crate) icon: Text,
    pub(crate) name: Text,
    pub(crate) kind: Text,
    pub(crate) description: Text,
    #[serde(default)]
    pub(crate) footnote: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    #[serde(deserialize_with = "resource_entries")]
    pub(crate) resources: Vec<ResourceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourceEntry {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) description: Text,
    #[serde(default)]
    pub(crate) url: Option<Text>,
    #[serde(default, deserialize_with = "language_urls")]
    pub(crate) urls: OrderedMap<Text>,
    #[serde(default, deserialize_with = "tier_ids")]
    pub(crate) tiers: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RegionsFile {
    pub(crate) intro: Text,
    pub(crate) global_services: Text,
    #[serde(deserialize_with = "region_entries")]
    pub(crate) regions: Vec<RegionEntry>,
    #[serde(default, deserialize_with = "note_entries")]
    pub(crate) notes: Vec<NoteEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegionEntry {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) opens: Text,
    pub(crate) closes: Text,
    #[serde(default, deserialize_with = "note_ids")]
    pub(crate) notes: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoteEntry {
    pub(crate) id: Text,
    pub(crate) text: Text,
}

// What each list or mapping holds, in the words of the files' own comments: the YAML reader
// shows the phrase when something else is written there.

fn tier_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TierEntry>, D::Error> {
    yaml::list(d, "a list of tiers, each starting with `- id:`")
}

fn highlight_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<HighlightEntry>, D::Error> {
    yaml::list(
        d,
        "a list of highlights, each with `- title:` and `description:`",
    )
}

fn group_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<GroupEntry>, D::Error> {
    yaml::list(d, "a list of feature groups, each starting with `- id:`")
}

fn feature_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<FeatureEntry>, D::Error> {
    yaml::list(d, "a list of features, each starting with `- id:`")
}

fn tier_values<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<OrderedMap<Spanned<ValueEntry>>, D::Error> {
    yaml::ordered_map(
        d,
        "a value per tier, like `{ business: included, elite: 4 }`",
    )
}

fn priority_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PriorityEntry>, D::Error> {
    yaml::list(d, "a list of priorities, each starting with `- id:`")
}

fn target_entries<'de, D: Deserializer<'de>>(d: D) -> Result<OrderedMap<TargetEntry>, D::Error> {
    yaml::ordered_map(
        d,
        "a target per tier, like `business: { coverage: 24x7, within: 1 h }`",
    )
}

fn channel_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ChannelEntry>, D::Error> {
    yaml::list(d, "a list of channels, each starting with `- id:`")
}

fn resource_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ResourceEntry>, D::Error> {
    yaml::list(d, "a list of resources, each starting with `- id:`")
}

fn language_urls<'de, D: Deserializer<'de>>(d: D) -> Result<OrderedMap<Text>, D::Error> {
    yaml::ordered_map(
        d,
        "an address per language code, like `fr: https://example.com/fr/`",
    )
}

fn tier_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Text>, D::Error> {
    yaml::list(d, "a list of tier IDs, like `[business, elite]`")
}

fn region_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RegionEntry>, D::Error> {
    yaml::list(d, "a list of regions, each starting with `- id:`")
}

fn note_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NoteEntry>, D::Error> {
    yaml::list(d, "a list of notes, each with `- id:` and `text:`")
}

fn note_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Text>, D::Error> {
    yaml::list(d, "a list of note IDs, like `[japan-languages]`")
}
