//! A writer that only counts the bytes passing through it: what a
//! terminal backend would send down the wire. Shared by `tests/bytes.rs`
//! and `benches/bytes.rs`.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// Clones share one count, so the backend can own a clone while the caller
/// reads the total.
#[derive(Clone, Default)]
pub struct Counter(Rc<RefCell<usize>>);

impl Counter {
    /// Bytes written so far.
    pub fn total(&self) -> usize {
        *self.0.borrow()
    }
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        *self.0.borrow_mut() += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
