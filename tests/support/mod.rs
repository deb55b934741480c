//! Helpers shared by the integration tests: running the built binary and talking LSP to the server.
pub mod binary;
pub mod lsp_client;
