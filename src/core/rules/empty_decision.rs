//! `empty-decision`: not written yet.
//!
//! ## Example
//!
//! ## Fix
//!
//! None yet.

use crate::core::diagnostic::Diagnostic;
use crate::core::rules::Context;

pub fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
