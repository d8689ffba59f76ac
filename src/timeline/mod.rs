//! The timeline: every event and group of the registry at its date, the lives of its
//! people, and the dated statements of the documents' prose, in one order.

pub mod extract;
