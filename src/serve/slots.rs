//! The server's connection slots: a cap on all connections and a cap per client address, so
//! that neither a crowd of slow clients nor one address can keep the preview from its user.
//!
//! A connection holds a slot from its accept to its close. While it is still sending its
//! request head it may be *evicted*: a new connection over a cap takes the slot of the oldest
//! such connection (of its own address if that address is over its cap, else of any address),
//! whose socket is shut down so that its thread's read returns at once. A client that sends
//! its head at once is read in microseconds, so it is never the oldest; one that drips its head
//! is, and it loses its slot to the next connection. Only connections that have sent their
//! head (a response being written, an event stream) are never evicted: when they fill a cap,
//! a new connection is refused.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Shutdown, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};

/// Connections open at once.
pub(crate) const MAX_CONNECTIONS: usize = 256;
/// Connections open at once from one client address: a browser opens six or so per site, and
/// one event stream per tab.
pub(crate) const MAX_PER_ADDRESS: usize = 32;

/// The slots of one server, shared by the accept loop and the connections' threads.
pub(crate) struct Slots {
    table: Mutex<Table<TcpStream>>,
}

/// A connection's slot, given back when dropped.
pub(crate) struct Slot {
    slots: Arc<Slots>,
    id: u64,
}

impl Slots {
    pub(crate) fn new() -> Arc<Slots> {
        Arc::new(Slots {
            table: Mutex::new(Table::new(MAX_CONNECTIONS, MAX_PER_ADDRESS)),
        })
    }

    /// A slot for `stream` from `address`, evicting a connection that is still sending its
    /// head if a cap is reached; `None` if the connection must be refused. `stream` is kept
    /// (a clone) only to shut it down on eviction.
    pub(crate) fn admit(self: &Arc<Slots>, stream: &TcpStream, address: IpAddr) -> Option<Slot> {
        let closer = stream.try_clone().ok()?;
        let (id, evicted) = self.table().admit(address, closer)?;
        if let Some(evicted) = evicted {
            // Its thread's read returns at once; the thread ends and drops its slot (a no-op).
            let _ = evicted.shutdown(Shutdown::Both);
        }
        Some(Slot {
            slots: Arc::clone(self),
            id,
        })
    }

    fn table(&self) -> std::sync::MutexGuard<'_, Table<TcpStream>> {
        // The table is consistent after every call, so a panic elsewhere cannot break it.
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Slot {
    /// The request head has been read: from now on the connection cannot be evicted.
    pub(crate) fn head_read(&self) {
        self.slots.table().head_read(self.id);
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.slots.table().release(self.id);
    }
}

/// The bookkeeping, apart from sockets so that it can be tested alone: `S` is what shuts a
/// connection down.
struct Table<S> {
    max: usize,
    max_per_address: usize,
    next_id: u64,
    /// By id, which is by age: the oldest first.
    open: BTreeMap<u64, Entry<S>>,
    per_address: HashMap<IpAddr, usize>,
}

struct Entry<S> {
    address: IpAddr,
    /// Still sending its request head, so evictable.
    reading: bool,
    closer: S,
}

impl<S> Table<S> {
    fn new(max: usize, max_per_address: usize) -> Table<S> {
        Table {
            max,
            max_per_address,
            next_id: 0,
            open: BTreeMap::new(),
            per_address: HashMap::new(),
        }
    }

    /// The new connection's id and the closer of the connection it evicts, or `None` if it
    /// must be refused.
    fn admit(&mut self, address: IpAddr, closer: S) -> Option<(u64, Option<S>)> {
        let from_address = self.per_address.get(&address).copied().unwrap_or(0);
        let victim = if from_address >= self.max_per_address {
            Some(self.oldest_reading(Some(address))?)
        } else if self.open.len() >= self.max {
            Some(self.oldest_reading(None)?)
        } else {
            None
        };
        let evicted = victim.and_then(|id| self.remove(id));
        let id = self.next_id;
        self.next_id += 1;
        self.open.insert(
            id,
            Entry {
                address,
                reading: true,
                closer,
            },
        );
        *self.per_address.entry(address).or_default() += 1;
        Some((id, evicted))
    }

    /// The oldest connection still sending its head, of `address` if given.
    fn oldest_reading(&self, address: Option<IpAddr>) -> Option<u64> {
        self.open
            .iter()
            .find(|(_, e)| e.reading && address.is_none_or(|a| a == e.address))
            .map(|(&id, _)| id)
    }

    fn head_read(&mut self, id: u64) {
        if let Some(entry) = self.open.get_mut(&id) {
            entry.reading = false;
        }
    }

    /// Frees the slot of `id` (if it was not evicted already).
    fn release(&mut self, id: u64) {
        self.remove(id);
    }

    fn remove(&mut self, id: u64) -> Option<S> {
        let entry = self.open.remove(&id)?;
        if let Some(count) = self.per_address.get_mut(&entry.address) {
            *count -= 1;
            if *count == 0 {
                self.per_address.remove(&entry.address);
            }
        }
        Some(entry.closer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, last])
    }

    #[test]
    fn one_address_over_its_cap_evicts_its_own_oldest_slow_connection() {
        let mut t = Table::new(10, 3);
        let ids: Vec<u64> = (0..3).map(|n| t.admit(ip(1), n).unwrap().0).collect();
        t.admit(ip(2), 9).unwrap();
        // The fourth from 127.0.0.1 takes the slot of its oldest.
        assert_eq!(t.admit(ip(1), 3).map(|(_, e)| e), Some(Some(0)));
        assert_eq!(t.per_address[&ip(1)], 3);
        // Evicted slots are not freed twice.
        t.release(ids[0]);
        assert_eq!(t.per_address[&ip(1)], 3);
        assert_eq!(t.open.len(), 4);
    }

    #[test]
    fn connections_past_their_head_are_never_evicted() {
        let mut t = Table::new(10, 2);
        let (a, _) = t.admit(ip(1), 'a').unwrap();
        let (b, _) = t.admit(ip(1), 'b').unwrap();
        t.head_read(a);
        assert_eq!(t.admit(ip(1), 'c').map(|(_, e)| e), Some(Some('b')));
        t.head_read(b); // evicted already: no effect
        // 127.0.0.1's slots: one past its head (a), one reading (the newest), then both past.
        let newest = *t.open.keys().last().unwrap();
        t.head_read(newest);
        assert!(t.admit(ip(1), 'd').is_none(), "refused: nothing to evict");
        // Other addresses still get in.
        assert!(t.admit(ip(2), 'e').is_some());
    }

    #[test]
    fn the_global_cap_evicts_the_oldest_slow_connection_of_any_address() {
        let mut t = Table::new(4, 2);
        for n in 1..=2 {
            t.admit(ip(n), n).unwrap();
            t.admit(ip(n), n).unwrap();
        }
        assert_eq!(t.admit(ip(9), 9).map(|(_, e)| e), Some(Some(1)));
        assert_eq!(t.open.len(), 4);
        for id in t.open.keys().copied().collect::<Vec<_>>() {
            t.head_read(id);
        }
        assert!(
            t.admit(ip(10), 10).is_none(),
            "all past their head: refused"
        );
        t.release(1);
        assert!(t.admit(ip(10), 10).is_some());
    }
}
