//! The plan data files as written: what serde reads, before any cross-checking.
//!
//! Every field that names something (a tier, a Fluent message, a time) is `Spanned`, so the
//! validation that follows can point at the exact line and column of a wrong reference.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

pub type Text = Spanned<String>;

/// A YAML mapping kept in file order with the position of each key.
#[derive(Debug)]
pub struct OrderedMap<V>(pub Vec<(Text, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    entries.push((k, v));
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TiersFile {
    pub paid_banner: Text,
    pub tiers: Vec<TierEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TierEntry {
    pub id: Text,
    pub name: Text,
    pub summary: Text,
    #[serde(default)]
    pub paid: bool,
    #[serde(default)]
    pub highlights: Vec<HighlightEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighlightEntry {
    pub title: Text,
    pub description: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonFile {
    pub groups: Vec<GroupEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    pub id: Text,
    pub label: Text,
    pub features: Vec<FeatureEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeatureEntry {
    pub id: Text,
    pub label: Text,
    #[serde(default)]
    pub tiers: OrderedMap<Spanned<ValueEntry>>,
}

/// `included`, a coverage keyword, or a count.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ValueEntry {
    Count(u32),
    Word(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseTargetsFile {
    pub priorities: Vec<PriorityEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityEntry {
    pub id: Text,
    pub label: Text,
    pub description: Text,
    pub targets: OrderedMap<TargetEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetEntry {
    pub coverage: Text,
    pub within: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelsFile {
    pub channels: Vec<ChannelEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelEntry {
    pub id: Text,
    pub icon: Text,
    pub name: Text,
    pub kind: Text,
    pub description: Text,
    #[serde(default)]
    pub footnote: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    pub resources: Vec<ResourceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceEntry {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub url: Option<Text>,
    #[serde(default)]
    pub urls: OrderedMap<Text>,
    #[serde(default)]
    pub tiers: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RegionsFile {
    pub intro: Text,
    pub global_services: Text,
    pub regions: Vec<RegionEntry>,
    #[serde(default)]
    pub notes: Vec<NoteEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionEntry {
    pub id: Text,
    pub name: Text,
    pub opens: Text,
    pub closes: Text,
    #[serde(default)]
    pub notes: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteEntry {
    pub id: Text,
    pub text: Text,
}
