//! Lists and mappings that say what they hold when they are written as something else.
//!
//! serde-saphyr checks the kind of a node before a derived `Vec` or map visitor sees it, so a
//! `tiers: business` where a list belongs would be reported as "expected sequence start".
//! These read any node and let their visitor refuse it: serde then reports the phrase given
//! here ("a list of tier IDs, like `[business, elite]`"), which is written for the person
//! editing the file, and [`super::parse`] turns it into a sentence.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};

use super::Text;

/// A YAML mapping kept in file order with the position of each key.
#[derive(Debug)]
pub struct OrderedMap<V>(pub Vec<(Text, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

/// Reads a list; anything else is refused as not being `what`.
pub fn list<'de, D, T>(deserializer: D, what: &'static str) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct ListVisitor<T> {
        what: &'static str,
        item: PhantomData<T>,
    }
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.what)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_any(ListVisitor {
        what,
        item: PhantomData,
    })
}

/// Reads `key: value` pairs in file order; anything else is refused as not being `what`.
pub fn ordered_map<'de, D, V>(
    deserializer: D,
    what: &'static str,
) -> Result<OrderedMap<V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct MapVisitor<V> {
        what: &'static str,
        value: PhantomData<V>,
    }
    impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
        type Value = OrderedMap<V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.what)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some((k, v)) = map.next_entry()? {
                entries.push((k, v));
            }
            Ok(OrderedMap(entries))
        }
    }
    deserializer.deserialize_any(MapVisitor {
        what,
        value: PhantomData,
    })
}
