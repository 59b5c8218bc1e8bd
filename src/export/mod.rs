//! Analysis results in open formats (CSV, JSON, TimelineJS, W3C Web Annotations). Pure
//! functions; no browser crates.
//!
//! Built in the exports issue; the foundation only reserves its place.
