//! `stem` for the browser. The page writes a word's UTF-8 bytes into the buffer, calls
//! `stem(length)`, and reads the stem's bytes back from the start of the buffer.

#[path = "../../../src/search/stem.rs"]
mod rule;

use std::cell::UnsafeCell;

struct Buffer(UnsafeCell<[u8; rule::MAX_STEMMED_BYTES]>);

// The module runs on one thread, the page's.
unsafe impl Sync for Buffer {}

static BUFFER: Buffer = Buffer(UnsafeCell::new([0; rule::MAX_STEMMED_BYTES]));

/// Where the page writes the word and reads the stem.
#[unsafe(no_mangle)]
pub extern "C" fn buffer() -> *mut u8 {
    BUFFER.0.get().cast()
}

/// Stems the word of `length` bytes in the buffer; the stem's length, its bytes in the
/// buffer. A word that is not UTF-8 or too long is left as it is.
#[unsafe(no_mangle)]
pub extern "C" fn stem(length: usize) -> usize {
    // SAFETY: one thread; the page does not touch the buffer during the call.
    let buffer = unsafe { &mut *BUFFER.0.get() };
    let Some(bytes) = buffer.get(..length) else {
        return length;
    };
    let Ok(word) = std::str::from_utf8(bytes) else {
        return length;
    };
    let stemmed = rule::stem(word).into_owned();
    buffer[..stemmed.len()].copy_from_slice(stemmed.as_bytes());
    stemmed.len()
}
