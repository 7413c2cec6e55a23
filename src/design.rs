//! The design notes and data contracts of the crate: the method, request, agenda and
//! roster files, the command lines of the examples, the hard rules of a valid agenda and
//! the craft rules C1–C15, as other DSol tools rely on them.
#![doc = include_str!("design.md")]
