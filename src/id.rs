//! Ids that are places in a list: a page's in `Content::pages`, an entity's in
//! `Registry::entities`. Each is a type of its own, so one is never taken for the other, and
//! a list kept by page or by entity is indexed by it.

/// Defines `$name`, the place of an item in a list, with `new` (from the place), `index`
/// (to it) and indexing of slices and vectors by it.
macro_rules! list_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl $name {
            pub fn new(index: usize) -> $name {
                $name(u32::try_from(index).expect(concat!("fewer than 2^32 ", $what)))
            }

            /// Its place in the list, and in every list kept by it.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl<T> std::ops::Index<$name> for [T] {
            type Output = T;
            fn index(&self, id: $name) -> &T {
                &self[id.index()]
            }
        }

        impl<T> std::ops::IndexMut<$name> for [T] {
            fn index_mut(&mut self, id: $name) -> &mut T {
                &mut self[id.index()]
            }
        }

        impl<T> std::ops::Index<$name> for Vec<T> {
            type Output = T;
            fn index(&self, id: $name) -> &T {
                &self[id.index()]
            }
        }

        impl<T> std::ops::IndexMut<$name> for Vec<T> {
            fn index_mut(&mut self, id: $name) -> &mut T {
                &mut self[id.index()]
            }
        }
    };
}

pub(crate) use list_id;
