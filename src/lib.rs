//! ordercraft: validates, builds and signs order-creation requests for TOP, PandaPon and
//! ECCANG-style order APIs. The core is pure Rust (no JS); `wasm` is the thin JS boundary.

pub mod describe;
pub mod digest;
pub mod endpoint;
pub mod error;
pub mod form;
pub mod issue;
pub mod normalize;
pub mod options;
pub mod providers;
pub mod request;
pub mod response;
pub mod schema;
pub mod suggest;
pub mod time;
pub mod validate;
pub mod xml;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use issue::{Code, Issue, Severity};
pub use request::PreparedRequest;
pub use response::{Parsed, ResponseError};
