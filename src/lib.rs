//! ordercraft: validates, builds and signs order-creation requests for TOP, PandaPon and
//! ECCANG-style order APIs. The core is pure Rust (no JS); `wasm` is the thin JS boundary.

pub mod digest;
pub mod error;
pub mod form;
pub mod issue;
pub mod options;
pub mod providers;
pub mod request;
pub mod response;
pub mod suggest;
pub mod time;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use issue::{Code, Issue, Severity};
pub use request::PreparedRequest;
pub use response::{Parsed, ResponseError};
