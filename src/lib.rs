//! ordercraft: validates, builds and signs order-creation requests for TOP, PandaPon and
//! ECCANG-style order APIs. The core is pure Rust (no JS); with the `wasm` feature, `wasm` is the
//! thin JS boundary and the core's types also derive their TypeScript declarations.
//!
//! Layers, each importing only those before it: the shared core (`schema`, `validate`, `issue`,
//! `options`, …), the endpoint interface (`endpoint`), the providers (`providers/*`, each
//! endpoint a folder), the `registry` that lists them, the `api` over the registry, and `wasm`.

pub mod api;
pub mod decimal;
pub mod describe;
pub mod digest;
pub mod doc;
pub mod endpoint;
pub mod error;
pub mod escape;
pub mod form;
pub mod issue;
pub mod normalize;
pub mod options;
pub mod providers;
pub mod registry;
pub mod request;
pub mod response;
pub mod schema;
pub mod suggest;
pub mod time;
pub mod validate;
pub mod words;
pub mod xml;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use error::Error;
pub use issue::{Code, Issue, Severity};
pub use request::PreparedRequest;
pub use response::{Parsed, ResponseError};
