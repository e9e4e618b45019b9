//! One module per provider: its models, rules, builder and response parser side by side.

pub mod eccang;
pub mod pandapon;
pub mod top;
