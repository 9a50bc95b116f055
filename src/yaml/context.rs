//! What surrounds a position of a YAML text: the keys and list items that lead to it, and
//! what is written there.
//!
//! serde reports a type error with a position and its own vocabulary ("expected mapping
//! start", "missing field"), never with the key it was reading. To say "this tier needs a
//! `summary:` key" or "found a list", the text is read once more, as YAML events, up to the
//! position. This only runs after a failed parse, on a text the YAML reader already accepted.

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

/// How a node is reached from the collection that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// The value of this key.
    Key(String),
    /// An item of a list.
    Item,
}

/// What is written at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A single value, as written (after YAML's unquoting).
    Text(String),
    /// No value at all (`key:` with nothing after it).
    Empty,
    /// A list, `[a, b]` or `- ` lines.
    List,
    /// `key: value` lines or `{ key: value }`.
    Keys,
    /// `*name`, a repeat of a value written elsewhere.
    Alias,
}

/// A node and the way to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// How each collection around the node is reached, outermost first (the top level, which
    /// is reached by no step, is left out).
    pub(crate) path: Vec<Step>,
    /// How the node itself is reached; `None` when the node is a key.
    pub(crate) step: Option<Step>,
    pub(crate) node: Node,
    /// Where the `key: value` collection that is, or holds, the node starts (1-based).
    pub(crate) entry_start: Option<(usize, usize)>,
}

impl Place {
    /// The path of the `key: value` collection that is, or holds, the node: where a
    /// "missing key" or "unknown key" belongs.
    pub(crate) fn entry_path(&self) -> Vec<Step> {
        let mut path = self.path.clone();
        if self.node == Node::Keys
            && let Some(step) = &self.step
        {
            path.push(step.clone());
        }
        path
    }

    /// The key whose value the node is, if it is one.
    pub(crate) fn key(&self) -> Option<&str> {
        match &self.step {
            Some(Step::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// The key of the list the node is an item of, if it is one.
    pub(crate) fn list_key(&self) -> Option<&str> {
        match (&self.step, self.path.last()) {
            (Some(Step::Item), Some(Step::Key(k))) => Some(k),
            _ => None,
        }
    }
}

/// One open collection while reading events.
struct Frame {
    step: Option<Step>,
    start: (usize, usize),
    /// In a `key: value` collection: whether the next node is a key.
    at_key: Option<bool>,
    /// In a `key: value` collection: the key whose value comes next.
    key: String,
}

/// The place of the node written at `line`:`column` (1-based, columns in characters), or of
/// the last node that starts before it. `None` when the text cannot be read as YAML up to there.
pub(crate) fn place_at(text: &str, line: usize, column: usize) -> Option<Place> {
    walk(text, (line, column), false).map(|(place, _)| place)
}

/// When the node at `line`:`column` is a key, the place of its value and where that value
/// starts (serde-saphyr reports some errors of a value at its key).
pub(crate) fn value_of_key_at(
    text: &str,
    line: usize,
    column: usize,
) -> Option<(Place, (usize, usize))> {
    walk(text, (line, column), true)
}

/// Reads the events of `text` up to `target`, keeping the collections open around each node.
/// With `value_of_key`, the node at `target` must be a key, and the place is its value's.
fn walk(text: &str, target: (usize, usize), value_of_key: bool) -> Option<(Place, (usize, usize))> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut before: Option<(Place, (usize, usize))> = None;
    let mut key_found = false;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let start = (span.start.line(), span.start.col() + 1);
        if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            frames.pop()?;
            finish(&mut frames, None);
            continue;
        }
        let Some(node) = node_of(&event) else {
            continue;
        };
        if start > target && !key_found {
            return if value_of_key { None } else { before };
        }
        let place = place_in(&frames, node.clone(), start);
        if key_found {
            return Some((place, start));
        }
        if start == target {
            if !value_of_key {
                return Some((place, start));
            }
            if place.step.is_some() || !matches!(node, Node::Text(_) | Node::Empty) {
                return None;
            }
            key_found = true;
        }
        let step = place.step.clone();
        before = Some((place, start));
        enter(&mut frames, node, step, start);
    }
    if value_of_key { None } else { before }
}

/// The node an event starts; `None` for events that start none (document and stream
/// markers).
fn node_of(event: &Event) -> Option<Node> {
    match event {
        Event::Scalar(value, style, ..) => Some(
            if *style == ScalarStyle::Plain
                && matches!(&**value, "" | "~" | "null" | "Null" | "NULL")
            {
                Node::Empty
            } else {
                Node::Text(value.to_string())
            },
        ),
        Event::SequenceStart(..) => Some(Node::List),
        Event::MappingStart(..) => Some(Node::Keys),
        Event::Alias(_) => Some(Node::Alias),
        _ => None,
    }
}

/// The place of a node starting at `start` inside the open `frames`.
fn place_in(frames: &[Frame], node: Node, start: (usize, usize)) -> Place {
    let step = match frames.last() {
        None => None,
        Some(Frame {
            at_key: Some(true), ..
        }) => None,
        Some(Frame {
            at_key: Some(false),
            key,
            ..
        }) => Some(Step::Key(key.clone())),
        Some(Frame { at_key: None, .. }) => Some(Step::Item),
    };
    let entry_start = if node == Node::Keys {
        Some(start)
    } else {
        frames
            .last()
            .filter(|f| f.at_key.is_some())
            .map(|f| f.start)
    };
    Place {
        path: frames.iter().filter_map(|f| f.step.clone()).collect(),
        step,
        node,
        entry_start,
    }
}

/// After a node: a collection opens a frame, anything else ends a key or a value.
fn enter(frames: &mut Vec<Frame>, node: Node, step: Option<Step>, start: (usize, usize)) {
    match node {
        Node::List | Node::Keys => frames.push(Frame {
            step,
            start,
            at_key: (node == Node::Keys).then_some(true),
            key: String::new(),
        }),
        Node::Text(text) => finish(frames, Some(text)),
        Node::Empty | Node::Alias => finish(frames, None),
    }
}

/// A node ended in the innermost collection: after a key comes its value, after a value the
/// next key.
fn finish(frames: &mut [Frame], text: Option<String>) {
    if let Some(Frame {
        at_key: Some(at_key),
        key,
        ..
    }) = frames.last_mut()
    {
        if *at_key {
            *key = text.unwrap_or_default();
        }
        *at_key = !*at_key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIERS: &str = "\
paid-banner: tier-paid-banner
tiers:
  - id: online
    name: tier-online
  - id: business
    name: [a]
    highlights:
      - title: t
targets:
  online: { coverage: 24x7 }
";

    #[test]
    fn a_value_knows_its_key_and_the_list_around_it() {
        let p = place_at(TIERS, 6, 11).unwrap();
        assert_eq!(p.node, Node::List);
        assert_eq!(p.key(), Some("name"));
        assert_eq!(p.path, vec![Step::Key("tiers".into()), Step::Item]);
    }

    #[test]
    fn a_list_item_knows_its_list() {
        // The mapping of the second tier starts at its first key.
        let p = place_at(TIERS, 5, 5).unwrap();
        assert_eq!(p.node, Node::Keys);
        assert_eq!(p.list_key(), Some("tiers"));
        assert_eq!(p.entry_path(), vec![Step::Key("tiers".into()), Step::Item]);
        let p = place_at(TIERS, 8, 9).unwrap();
        assert_eq!(p.list_key(), Some("highlights"));
    }

    #[test]
    fn a_key_belongs_to_its_collection() {
        let p = place_at(TIERS, 4, 5).unwrap();
        assert_eq!(p.node, Node::Text("name".into()));
        assert_eq!(p.step, None);
        assert_eq!(p.entry_path(), vec![Step::Key("tiers".into()), Step::Item]);
        assert_eq!(p.entry_start, Some((3, 5)));
    }

    #[test]
    fn flow_collections_are_read_too() {
        let p = place_at(TIERS, 10, 11).unwrap();
        assert_eq!(p.node, Node::Keys);
        assert_eq!(p.key(), Some("online"));
        let p = place_at(TIERS, 10, 13).unwrap();
        assert_eq!(p.node, Node::Text("coverage".into()));
        assert_eq!(
            p.entry_path(),
            vec![Step::Key("targets".into()), Step::Key("online".into())]
        );
    }

    #[test]
    fn the_value_of_a_key_is_found_from_the_key() {
        let (p, at) = value_of_key_at(TIERS, 6, 5).unwrap();
        assert_eq!(p.node, Node::List);
        assert_eq!(p.key(), Some("name"));
        assert_eq!(at, (6, 11));
        // Not a key: nothing.
        assert_eq!(value_of_key_at(TIERS, 6, 11), None);
    }

    #[test]
    fn the_top_level_has_an_empty_path() {
        let p = place_at(TIERS, 1, 1).unwrap();
        assert_eq!(p.node, Node::Keys);
        assert!(p.entry_path().is_empty());
    }
}
