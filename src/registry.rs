//! Every endpoint ordercraft prepares: one line each, the only place that names them all.
//! Adding an endpoint is its folder under `src/providers/<provider>/` and one line here
//! (CONTRIBUTING.md walks through it).

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::providers::{eccang, pandapon, top};
use crate::suggest::closest;

pub static ENDPOINTS: &[&Endpoint] = &[
    &top::intention_order::ENDPOINT,
    &top::trade_order::ENDPOINT,
    &pandapon::preview_batch::ENDPOINT,
    &eccang::create_order::ENDPOINT,
];

pub fn find(id: &str) -> Result<&'static Endpoint, Error> {
    ENDPOINTS
        .iter()
        .copied()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::UnknownEndpoint { id: id.to_string(), suggestion: suggestion(id) })
}

/// The known id a wrong one most likely means: a close spelling of it, or of it without its
/// provider (`createOrder` for `eccang:createOrder`).
fn suggestion(id: &str) -> Option<&'static str> {
    let without_provider = |known: &'static str| known.split_once(':').map_or(known, |(_, name)| name);
    let spellings: Vec<&str> = ENDPOINTS.iter().flat_map(|e| [e.id, without_provider(e.id)]).collect();
    let closest = closest(id, &spellings)?;
    ENDPOINTS.iter().map(|e| e.id).find(|known| *known == closest || without_provider(known) == closest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggested(id: &str) -> Option<&'static str> {
        match find(id) {
            Err(Error::UnknownEndpoint { suggestion, .. }) => suggestion,
            _ => Some("(found)"),
        }
    }

    #[test]
    fn an_unknown_id_names_the_endpoint_it_most_likely_means() {
        assert_eq!(suggested("createOrder"), Some("eccang:createOrder"));
        assert_eq!(suggested("ALIBABA.WDK.TRADE.ORDER.CREATE"), Some("top:alibaba.wdk.trade.order.create"));
        assert_eq!(suggested("top:alibaba.intention.order.sav"), Some("top:alibaba.intention.order.save"));
        assert_eq!(suggested("/alibaba/order/create/preview"), Some("pandapon:/alibaba/order/create/previewbatch"));
        assert_eq!(suggested("frob"), None);
        assert_eq!(
            find("frob").map(|_| ()).map_err(|e| e.message()),
            Err(r#"unknown endpoint id "frob"; endpoints() lists the known ids"#.into())
        );
        assert_eq!(suggested(&"x".repeat(1 << 20)), None);
        let message = find("createOrder").map(|_| ()).map_err(|e| e.message());
        assert_eq!(
            message,
            Err(r#"unknown endpoint id "createOrder"; did you mean "eccang:createOrder"? endpoints() lists the known ids"#.into())
        );
    }
}
