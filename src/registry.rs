//! Every endpoint ordercraft prepares: one line each, the only place that names them all.
//! Adding an endpoint is its folder under `src/providers/<provider>/` and one line here
//! (CONTRIBUTING.md walks through it).

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::providers::{eccang, pandapon, top};

pub static ENDPOINTS: &[&Endpoint] = &[
    &top::intention_order::ENDPOINT,
    &top::trade_order::ENDPOINT,
    &pandapon::preview_batch::ENDPOINT,
    &eccang::create_order::ENDPOINT,
];

pub fn find(id: &str) -> Result<&'static Endpoint, Error> {
    ENDPOINTS.iter().copied().find(|e| e.id == id).ok_or_else(|| Error::UnknownEndpoint(id.to_string()))
}
